package cn.pujin.open.event.entity;

/** The review life cycle: DRAFT → IN_REVIEW → PUBLISHED, rejected back to DRAFT, CANCELLED with a reason. */
public enum EventStatus { DRAFT, IN_REVIEW, PUBLISHED, CANCELLED }
