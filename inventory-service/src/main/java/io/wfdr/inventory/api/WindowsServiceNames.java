package io.wfdr.inventory.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules Windows applies to a service's name (the {@code Name} {@code sc.exe} and {@code Stop-Service} take,
 * not its display name): at most 256 characters, no control characters, no '/' or '\'; a server lists at most
 * {@value #MAX_COUNT}. Names are case-insensitive to Windows, so a list naming one twice is refused (by the
 * service, which sees the whole list).
 */
public final class WindowsServiceNames {

    public static final int MAX_COUNT = 50;
    public static final int MAX_LENGTH = 256;
    /**
     * No C0 or C1 control character, no slash or backslash; written (escapes, anchors) so that JSON Schema's regexes
     * read it as Java's does.
     */
    static final String ALLOWED = "^[^\\u0000-\\u001F\\u007F-\\u009F/\\\\]*$";
    static final String RULE = "must be a Windows service name: no control characters, no '/' or '\\'";
    static final String DESCRIPTION = "The Windows services (their Name, not the display name) wfdr stops and "
            + "starts on this server, e.g. the iProcess services of a Workflow iProcess Engine; at most 50, "
            + "unique ignoring case";

    private WindowsServiceNames() {
    }

    /** The names in the order sent; a null entry stays, for validation to name it. */
    static List<String> asSent(List<String> names) {
        return names == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(names));
    }
}
