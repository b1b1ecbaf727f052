/**
 * Selection of public representatives (遴选) for a decision meeting: the rule, the reproducible lottery, alternates, the
 * published 公示 with masked names, its public input list, the committed seed, every run, the objection period with
 * objections (异议) in the citizen-input workflow and the revisions they lead to; the representative pool (代表库) with
 * nominations, yearly re-confirmation and reminders, and invitations from it.
 * <p>Tables: selection_rule, selection, selection_run, selection_objection, selection_revision, representative,
 * nomination, invitation.
 * <p>Fires: nothing (notices go through Notifications: invitations, pool reminders; a revision cancels through
 * Waitlist, which moves the first alternate up).
 * <p>Observes: AccountDeleted.
 */
package cn.pujin.open.selection;
