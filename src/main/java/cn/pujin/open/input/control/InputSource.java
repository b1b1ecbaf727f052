package cn.pujin.open.input.control;

import cn.pujin.open.input.entity.CitizenInput;

/**
 * One kind of citizen input plugged into the workflow: its feature implements this (a CDI bean) and the workflow,
 * queues, dashboard and reminders serve it without knowing more. Mail texts are {@code mail.NOUN.assigned},
 * {@code .answered}, {@code .returned}, {@code .dueTomorrow}, {@code .overdue}; audit actions {@code NOUN.assign} and
 * so on, on audit entries of type NOUN.
 */
public interface InputSource<T extends CitizenInput> {

    /** The kind's noun: audit entity type, and the prefix of its actions, notices and mail texts ("suggestion"). */
    String noun();

    /** Its entity, which embeds the handling. */
    Class<T> type();

    /** The event a notice about it belongs to, or null. */
    Long eventOf(T input);

    /** Working days the department has to answer, counted from the day it is assigned. */
    int answerDays(T input);

    /** The arguments of its notices: {0} to {4} as its mail texts expect (context, number, excerpt, due date). */
    Object[] mailArgs(T input);

    /** The arguments of the notice of its published answer (what the author reads: outcome, reason and more). */
    Object[] answeredArgs(T input);

    /**
     * Whether its clock runs from receipt (a message on the board: acknowledged the same working day, answered within a
     * fixed number of working days of arrival) rather than from assignment (a meeting suggestion).
     */
    default boolean clockFromReceipt() {
        return false;
    }
}
