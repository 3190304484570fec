package io.wfdr.inventory.domain;

/** The part a site plays: production, or a disaster recovery site that can take over. */
public enum SiteRole {
    PRODUCTION, DR
}
