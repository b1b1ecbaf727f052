package cn.pujin.open.registration.entity;

/** Who an applicant is: resident, stakeholder (利益相关方), private-enterprise representative, expert, other. */
public enum Category {
    RESIDENT, STAKEHOLDER, ENTERPRISE, EXPERT, OTHER
}
