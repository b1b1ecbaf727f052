/**
 * The one workflow of citizen input (意见处理): whatever a citizen sends — a meeting suggestion, a comment on a draft; messages
 * next — is assigned to a department with due dates on the working-day calendar, acknowledged, answered with
 * an outcome and a reason, reviewed by someone else, published, told to its author and rated; with the work queue, the
 * supervision dashboard and the reminders. A kind plugs in with an {@code InputSource} and an entity that embeds
 * {@code Handling}.
 * The caller as the workflow sees them: {@code CurrentInputActor}.
 * <p>Tables: input_reminder (the handling lives in each kind's own table).
 * <p>Fires: nothing (notices go through notification).
 * <p>Observes: nothing.
 */
package cn.pujin.open.input;
