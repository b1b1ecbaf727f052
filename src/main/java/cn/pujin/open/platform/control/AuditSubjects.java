package cn.pujin.open.platform.control;

import java.util.Map;
import java.util.Set;

/**
 * The names of the things the audit log speaks of ("活动 #4 开放日：垃圾分类", not only "活动 #4"). Declared here, implemented
 * by each feature for its own entity types, so that the log page can name them without depending on the features.
 */
public interface AuditSubjects {

    /** The audit entity type these names are for ("event", "account", …). */
    String entityType();

    /** A short name by id, for those of {@code ids} that exist. */
    Map<Long, String> names(Set<Long> ids);
}
