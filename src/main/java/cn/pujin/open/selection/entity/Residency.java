package cn.pujin.open.selection.entity;

/** The declared tie to the sub-district that makes someone eligible for the pool. */
public enum Residency { LIVES, WORKS }
