package io.wfdr.restore.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the one JSON reply each of {@link WindowsScripts}' scripts prints. A script that failed (its trap printed
 * {@code {"error": ...}} and exited 1, or PowerShell itself failed) becomes a {@link WindowsScriptFailure} with
 * Windows' message; so does a reply that is not the expected shape, because acting on a misread reply is worse than
 * stopping.
 */
public final class WindowsReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED = 2000;

    private WindowsReplies() {
    }

    public static List<ServiceState> serviceStates(PowerShellResult result) throws WindowsScriptFailure {
        JsonNode reply = reply(result);
        if (!reply.isArray()) {
            throw unexpected(result, "a list of services");
        }
        List<ServiceState> states = new ArrayList<>();
        for (JsonNode service : reply) {
            states.add(new ServiceState(text(service, "name", result), text(service, "status", result)));
        }
        return List.copyOf(states);
    }

    /** The DSN's settings, or empty when the host has no such System DSN (the guide: contact support). */
    public static Optional<DsnSettings> dsn(PowerShellResult result) throws WindowsScriptFailure {
        JsonNode reply = reply(result);
        if (!reply.isObject()) {
            throw unexpected(result, "a DSN");
        }
        if (reply.path("missing").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(new DsnSettings(text(reply, "name", result), text(reply, "platform", result),
                text(reply, "driver", result), optional(reply, "server"), optional(reply, "database"),
                optional(reply, "login")));
    }

    public static DsnTest dsnTest(PowerShellResult result) throws WindowsScriptFailure {
        JsonNode reply = reply(result);
        if (!reply.isObject() || !reply.path("connected").isBoolean()) {
            throw unexpected(result, "the outcome of a connection test");
        }
        return new DsnTest(reply.get("connected").booleanValue(), optional(reply, "server"),
                optional(reply, "database"), optional(reply, "odbcError"));
    }

    private static JsonNode reply(PowerShellResult result) throws WindowsScriptFailure {
        JsonNode reply = parse(result.stdout());
        if (!result.succeeded()) {
            String error = reply != null && reply.path("error").isTextual() ? reply.get("error").textValue()
                    : quote(result.stderr().isBlank() ? result.stdout() : result.stderr());
            throw new WindowsScriptFailure("the script failed (exit " + result.exitCode() + "): " + error);
        }
        if (reply == null) {
            throw unexpected(result, "a JSON reply");
        }
        return reply;
    }

    private static JsonNode parse(String stdout) {
        String text = stdout == null ? "" : stdout.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, PowerShellResult result) throws WindowsScriptFailure {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw unexpected(result, "\"" + field + "\" as text");
        }
        return value.textValue();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static WindowsScriptFailure unexpected(PowerShellResult result, String expected) {
        return new WindowsScriptFailure("the script's reply is not " + expected + ": " + quote(result.stdout()));
    }

    private static String quote(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= MAX_QUOTED ? stripped : stripped.substring(0, MAX_QUOTED) + "...";
    }
}
