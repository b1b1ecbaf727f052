/**
 * Accounts and their sign-in: citizens' sign-up with consent, staff accounts, departments, the identity store and the
 * one authentication mechanism (Basic for the API, sessions for pages, station keys via {@code StationKeys}), lockout,
 * the session epoch that ends sessions, passwords, personal data of the account (export, deletion).
 * <p>Tables: account, account_role, department, login_failure.
 * <p>Fires: AccountDeleted (features clean up their personal data in the deleting transaction).
 * <p>Observes: ClusterBus.Changed (forgets cached credentials of an account changed elsewhere).
 */
package cn.pujin.open.account;
