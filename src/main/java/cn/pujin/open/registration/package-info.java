/**
 * Registrations (报名) and applications (列席申请): registering with capacity enforced in the database, the waitlist
 * first come first served ({@code Waitlist}), moderation of applications, walk-ins, what a published selection does,
 * the organisers' lists and exports, retention.
 * <p>Tables: registration.
 * <p>Fires: RegistrationChanged (confirmed, waitlisted, promoted, cancelled…, and the reminder the day before),
 * Registrations.Preparing, Registrations.SeatFreed.
 * <p>Observes: EventCancelled (cancels its registrations), EventPublished (a raised capacity goes to the waitlist),
 * AccountDeleted, RegistrationChanged and SeatFreed (after commit).
 */
package cn.pujin.open.registration;
