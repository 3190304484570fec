package io.wfdr.inventory.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a server's Windows service names in one column, one name per line, in the order given: a service name
 * may hold commas and spaces but never a control character (the inventory refuses those), so a line break cannot
 * be part of a name, and a server loads with its services in one row.
 */
@Converter
public class WindowsServicesConverter implements AttributeConverter<List<String>, String> {

    private static final String SEPARATOR = "\n";

    @Override
    public String convertToDatabaseColumn(List<String> names) {
        return names == null ? "" : String.join(SEPARATOR, names);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split(SEPARATOR, -1));
    }
}
