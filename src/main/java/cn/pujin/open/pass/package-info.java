/**
 * QR passes (入场凭证): Ed25519-signed tokens of confirmed registrations, their QR image and printable PDF, reissue and
 * revocation, the signing keys and their rotation.
 * <p>Tables: pass, pass_key.
 * <p>Fires: nothing.
 * <p>Observes: RegistrationChanged (issues on confirmation, revokes on cancellation), ClusterBus.Changed (keys rotated elsewhere).
 */
package cn.pujin.open.pass;
