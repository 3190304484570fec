package io.wfdr.spine.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the fields of an event's data as a consumer needs them: a missing one makes the event malformed. */
public final class Payload {

    private Payload() {
    }

    /** The field's text; a missing, null or blank field is malformed ({@code what} names the event for the reason). */
    public static String text(JsonNode data, String field, String what) {
        JsonNode value = data == null ? null : data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MalformedEventException(what + " without " + field);
        }
        return value.asText();
    }

    /** The field's text, or null when it is absent or null. */
    public static String optionalText(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The field as a whole number; anything else is malformed. */
    public static int number(JsonNode data, String field, String what) {
        JsonNode value = data == null ? null : data.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new MalformedEventException(what + " without a whole number " + field);
        }
        return value.asInt();
    }
}
