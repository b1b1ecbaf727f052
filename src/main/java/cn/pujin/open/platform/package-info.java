/**
 * What every feature needs and nothing else: HTTP and problem+json plumbing (one mapper, request limits, security
 * headers, the cross-site check), JSF and i18n (bundles, formats, Faces helpers), time ({@code Clock}, Times), the audit
 * log, configuration, crypto (sealing, personal-data encryption), the caller ({@code CurrentUser}, {@code Role}) and the
 * cluster bus. It depends on no feature; features declare what platform pages need of them ({@code ActorNames}).
 * <p>Tables: audit_entry.
 * <p>Fires: ClusterBus.Changed (what another instance changed, after its commit).
 * <p>Observes: nothing of the features.
 */
package cn.pujin.open.platform;
