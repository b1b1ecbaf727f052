/**
 * The working-day calendar (工作日): weekends, holidays and 调休 make-up days of each year from {@code config/calendar}
 * or saved by an admin; "N working days after a date" for due dates. Not to be confused with the iCal feeds
 * (notification).
 * <p>Tables: calendar_year.
 * <p>Fires: nothing (publishes ClusterBus CALENDAR when a year is saved).
 * <p>Observes: ClusterBus.Changed (another instance saved a year).
 */
package cn.pujin.open.calendar;
