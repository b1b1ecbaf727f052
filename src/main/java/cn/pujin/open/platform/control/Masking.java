package cn.pujin.open.platform.control;

/** How personal data is shown to people who are not its owner. */
public final class Masking {

    /** What a deleted account is called everywhere (never masked: it is no one's name). */
    public static final String DELETED = Messages.get(Messages.CHINESE, "account.deletedName");
    /** The placeholder that registrations older than the retention period belong to. */
    public static final String ANONYMISED = Messages.get(Messages.CHINESE, "account.anonymisedName");

    private Masking() {}

    /** 13800138000 → 138****8000 */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 张小明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明; Latin names keep their first and last letter. */
    public static String name(String name) {
        if (name == null || name.isBlank() || DELETED.equals(name) || ANONYMISED.equals(name)) {
            return name;
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return new String(cps, 0, 1) + "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
