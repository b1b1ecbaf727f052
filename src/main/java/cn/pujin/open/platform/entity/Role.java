package cn.pujin.open.platform.entity;

/** The roles of DESIGN.md. Their names are the security groups and the page constraints' role names. */
public enum Role {
    CITIZEN, REPRESENTATIVE, ORGANISER, REVIEWER, HANDLER, ADMIN;

    /** Staff roles see drafts, other people's data as their work needs, and the back-office pages. */
    public boolean isStaff() {
        return this == ORGANISER || this == REVIEWER || this == HANDLER || this == ADMIN;
    }
}
