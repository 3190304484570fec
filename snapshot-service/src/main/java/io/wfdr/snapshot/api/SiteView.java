package io.wfdr.snapshot.api;

/** A site as the inventory announced it. */
public record SiteView(String id, String name, String role) {
}
