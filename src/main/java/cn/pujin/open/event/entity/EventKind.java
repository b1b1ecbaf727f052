package cn.pujin.open.event.entity;

/** 政府开放日 or 决策会议 (with public representatives attending). */
public enum EventKind { OPEN_DAY, DECISION_MEETING }
