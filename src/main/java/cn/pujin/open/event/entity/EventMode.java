package cn.pujin.open.event.entity;

public enum EventMode {
    OFFLINE, ONLINE, HYBRID;

    public boolean needsVenue() { return this != ONLINE; }
    public boolean needsOnlineUrl() { return this != OFFLINE; }
}
