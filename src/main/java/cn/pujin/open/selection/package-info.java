/**
 * Selection of public representatives (遴选) for a decision meeting: the rule, the reproducible lottery, alternates, the
 * published 公示 with masked names; the representative pool (代表库) and invitations from it.
 * <p>Tables: selection_rule, selection, representative, invitation.
 * <p>Fires: Pool.Invited.
 * <p>Observes: AccountDeleted.
 */
package cn.pujin.open.selection;
