package io.wfdr.inventory.api;

public record LoginView(String id, String name, String serverId, String environmentId, String sid,
        String secretRef) {
}
