package io.wfdr.inventory.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a server's roles in one column, sorted, so a server and its roles load in one row. */
@Converter
public class ServerRolesConverter implements AttributeConverter<Set<ServerRole>, String> {

    @Override
    public String convertToDatabaseColumn(Set<ServerRole> roles) {
        return roles == null ? "" : roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<ServerRole> convertToEntityAttribute(String column) {
        EnumSet<ServerRole> roles = EnumSet.noneOf(ServerRole.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(ServerRole::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
