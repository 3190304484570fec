package io.wfdr.snapshot.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A local time of day stored as {@code HH:mm}, as the API writes it, the same on H2 and SQL Server. */
@Converter
public class HourMinute implements AttributeConverter<LocalTime, String> {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    public String convertToDatabaseColumn(LocalTime time) {
        return time == null ? null : time.format(FORMAT);
    }

    @Override
    public LocalTime convertToEntityAttribute(String text) {
        return text == null ? null : LocalTime.parse(text, FORMAT);
    }
}
