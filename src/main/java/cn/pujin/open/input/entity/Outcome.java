package cn.pujin.open.input.entity;

/** 采纳, 部分采纳, 未采纳, 解释说明. */
public enum Outcome {
    ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED, EXPLAINED;

    /** Adopted in whole or in part: such a suggestion can carry implementation milestones. */
    public boolean isAdoption() {
        return this == ADOPTED || this == PARTLY_ADOPTED;
    }
}
