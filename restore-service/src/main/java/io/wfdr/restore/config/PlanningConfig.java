package io.wfdr.restore.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the restore service plans. */
@ConfigMapping(prefix = "wfdr.restore.planning")
public interface PlanningConfig {

    /**
     * Backup sets kept in memory across all databases' histories (a set costs some 1.5 KB): the databases planned
     * most recently stay, the others are read again from the catalog when next planned. The default holds a year of
     * 15-minute logs of one database and a month of a dozen more.
     */
    @WithDefault("100000")
    int cachedBackupSets();
}
