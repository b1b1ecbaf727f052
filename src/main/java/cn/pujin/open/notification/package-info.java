/**
 * Telling people: notices on their page, mails with calendar invitations through the outbox (sent once, retried,
 * several instances safe), and the iCal feeds of events ({@code IcalFeed}).
 * <p>Tables: notification.
 * <p>Fires: Notifications.MailQueued.
 * <p>Observes: RegistrationChanged, Registrations.Preparing, EventRescheduled (notices and mails), AccountDeleted,
 * ClusterBus.Changed (feeds changed elsewhere).
 */
package cn.pujin.open.notification;
