package cn.pujin.open.input.entity;

/** Where a citizen input is in its handling: SUBMITTED → ASSIGNED → ANSWERED → PUBLISHED, and back to ASSIGNED when a reviewer returns the answer. */
public enum InputStatus {
    SUBMITTED, ASSIGNED, ANSWERED, PUBLISHED
}
