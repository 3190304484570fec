package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.SiteRole;

public record SiteView(String id, String environmentId, String name, SiteRole role, String location) {
}
