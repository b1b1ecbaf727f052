package cn.pujin.open.suggestion.entity;

/** How a suggestion reached the office: typed by the attendee, or entered by staff from paper or speech. */
public enum Channel {
    ONLINE, PAPER, ORAL
}
