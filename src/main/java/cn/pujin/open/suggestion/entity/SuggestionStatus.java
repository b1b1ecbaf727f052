package cn.pujin.open.suggestion.entity;

/** SUBMITTED → ASSIGNED → ANSWERED → PUBLISHED, and back to ASSIGNED when a reviewer returns the answer. */
public enum SuggestionStatus {
    SUBMITTED, ASSIGNED, ANSWERED, PUBLISHED
}
