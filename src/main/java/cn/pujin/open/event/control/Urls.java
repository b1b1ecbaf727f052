package cn.pujin.open.event.control;

/** Links organisers enter (online rooms, materials) must be plain http(s) URLs. */
final class Urls {
    static final String HTTP = "https?://[^\\s<>\"']{1,490}";

    private Urls() {}
}
