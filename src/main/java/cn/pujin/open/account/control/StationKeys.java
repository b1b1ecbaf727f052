package cn.pujin.open.account.control;

import java.util.Optional;

/**
 * Check-in stations sign in with a key instead of an account. Declared here for the authentication mechanism,
 * implemented by the check-in feature (which owns the stations), so that account does not depend on it.
 */
public interface StationKeys {

    /** The id of the active station this key belongs to, if any. */
    Optional<Long> stationOf(String key);
}
