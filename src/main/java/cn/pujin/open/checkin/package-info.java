/**
 * Check-in (签到): stations and their keys, scans with their verdicts (online and uploaded from offline), the live
 * counter, the roster for manual search and offline verification, the summary for organisers.
 * <p>Tables: station, checkin.
 * <p>Fires: CheckIns.CheckedIn.
 * <p>Observes: CheckIns.CheckedIn (live counters), ClusterBus.Changed (scans and revoked stations elsewhere).
 */
package cn.pujin.open.checkin;
