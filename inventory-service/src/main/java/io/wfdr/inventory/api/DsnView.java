package io.wfdr.inventory.api;

public record DsnView(String id, String name, String serverId, String environmentId, int bitness,
        String targetServerId, String defaultDatabase, String loginId) {
}
