/**
 * Public participation beyond meetings: the year's catalogue of major administrative decisions (决策目录) with the
 * public timeline of each item's statutory steps; consultations on policy drafts (征求意见) — paragraphs and their
 * interpretation published together after review, comments during the period counted at once and public after review,
 * grouped and answered through the one citizen-input workflow ({@code CommentSource}) into the adoption report
 * (意见采纳情况); topics (主题) people follow, told by mail when a consultation on one is published; the Atom feed and
 * iCalendar of consultation periods.
 * <p>Tables: major_decision, major_decision_step, major_decision_document, consultation, consultation_paragraph,
 * consultation_organisation, consultation_comment, comment_group, topic, topic_subscription.
 * <p>Fires: nothing (notices and mails go through notification).
 * <p>Observes: AccountDeleted (a person's followed topics and ungrouped comments go). Reads published decision meetings
 * through the event feature ({@code Seats}).
 */
package cn.pujin.open.participation;
