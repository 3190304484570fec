package io.wfdr.inventory.api;

public record EnvironmentView(String id, String name, String description) {
}
