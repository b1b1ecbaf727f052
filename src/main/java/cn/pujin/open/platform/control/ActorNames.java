package cn.pujin.open.platform.control;

import java.util.Map;
import java.util.Set;

/**
 * The display names of the people who did something (the audit log's actors). Declared here, implemented by the
 * account feature, so that platform pages can name people without depending on it.
 */
public interface ActorNames {

    /** Display name by account id, for those of {@code ids} that exist. */
    Map<Long, String> of(Set<Long> ids);
}
