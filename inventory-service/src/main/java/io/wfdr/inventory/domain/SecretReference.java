package io.wfdr.inventory.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a password lives, never the password: {@code env:NAME}, {@code file:/absolute/path} or
 * {@code k8s:secret-name/key}. The same rules for every secret the inventory names (a SQL login's, a remote
 * shell account's), so a password sent where its reference belongs is refused, never stored.
 */
public final class SecretReference {

    private static final Pattern ENV = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FILE = Pattern.compile("file:/[^\\s]+");
    private static final Pattern K8S = Pattern.compile("k8s:[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[-._a-zA-Z0-9]+");

    private SecretReference() {
    }

    /** As long as the inventory keeps it. */
    public static final int MAX_LENGTH = 300;

    public static Optional<String> problemWith(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.of("needs a secret reference (env:NAME, file:/path or k8s:secret/key)");
        }
        if (reference.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (ENV.matcher(reference).matches() || FILE.matcher(reference).matches()
                || K8S.matcher(reference).matches()) {
            return Optional.empty();
        }
        return Optional.of("is not a secret reference; use env:NAME, file:/path or k8s:secret/key");
    }
}
