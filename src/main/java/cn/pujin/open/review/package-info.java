/**
 * Review before publication (先审查后公开) of texts: {@code ReviewedText}, embedded where an organiser writes something
 * that becomes public only when a reviewer who did not write it approves (meeting decisions, event summaries).
 * <p>Tables: none of its own (embedded in its users' tables).
 * <p>Fires: nothing.
 * <p>Observes: nothing.
 */
package cn.pujin.open.review;
