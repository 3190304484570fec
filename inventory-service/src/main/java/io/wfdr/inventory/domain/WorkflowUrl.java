package io.wfdr.inventory.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The address a Workflow Web Server answers on, which a runbook asks to verify the server is back: an absolute
 * http or https URL with a host, and no credentials in it (secrets are references, never part of an address).
 */
public final class WorkflowUrl {

    /** As long as the inventory keeps it. */
    public static final int MAX_LENGTH = 500;
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private WorkflowUrl() {
    }

    /** @return why the URL cannot be asked, or empty if it can */
    public static Optional<String> problemWith(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("must be an absolute http or https URL, e.g. https://wfweb01.example.com/Workflow");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name the host, e.g. https://wfweb01.example.com/Workflow");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user or password; the Web Server's address is enough");
        }
        return Optional.empty();
    }
}
