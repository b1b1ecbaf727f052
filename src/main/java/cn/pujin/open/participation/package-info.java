/**
 * Public participation beyond meetings: the year's catalogue of major administrative decisions (决策目录) with the
 * public timeline of each item's statutory steps; next, consultations on policy drafts (征求意见).
 * <p>Tables: major_decision, major_decision_step, major_decision_document.
 * <p>Fires: nothing.
 * <p>Observes: nothing. Reads published decision meetings through the event feature ({@code Seats}).
 */
package cn.pujin.open.participation;
