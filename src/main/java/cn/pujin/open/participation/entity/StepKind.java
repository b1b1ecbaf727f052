package cn.pujin.open.participation.entity;

/** The statutory steps of a major administrative decision (决策环节), in the order they are usually taken. */
public enum StepKind {
    PUBLIC_PARTICIPATION, EXPERT_ARGUMENT, RISK_ASSESSMENT, LEGALITY_REVIEW, COLLECTIVE_DECISION, PUBLICATION,
    IMPLEMENTATION, EVALUATION
}
