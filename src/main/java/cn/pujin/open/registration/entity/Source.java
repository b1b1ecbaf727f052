package cn.pujin.open.registration.entity;

/**
 * How a registration came about: the person registered, accepted an invitation from the pool, or was
 * recorded by staff at the door (现场登记), or registered by staff on their behalf ahead of time (代为报名).
 */
public enum Source { SELF, INVITATION, WALK_IN, PROXY }
