package cn.pujin.open.registration.entity;

/** How a registration came about: the person registered, or accepted an invitation from the pool. */
public enum Source { SELF, INVITATION }
