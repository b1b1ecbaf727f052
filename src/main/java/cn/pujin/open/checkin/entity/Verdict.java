package cn.pujin.open.checkin.entity;

/** What a station shows after a scan (DESIGN.md). Only ADMITTED lets the person in. */
public enum Verdict {
    ADMITTED, ALREADY_CHECKED_IN, REVOKED, WRONG_EVENT, NOT_CONFIRMED, INVALID_SIGNATURE, MALFORMED, EVENT_NOT_OPEN
}
