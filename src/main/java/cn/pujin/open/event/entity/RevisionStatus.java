package cn.pujin.open.event.entity;

/**
 * Changes to a published event: the public keeps seeing the last approved version while the organiser's
 * edits wait as a revision (DRAFT, then IN_REVIEW once submitted) for a reviewer.
 */
public enum RevisionStatus { NONE, DRAFT, IN_REVIEW }
