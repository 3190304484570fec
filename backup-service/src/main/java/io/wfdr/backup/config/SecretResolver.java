package io.wfdr.backup.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves a secret reference at the moment a password is needed; the value is never stored or logged.
 * {@code env:NAME} reads an environment variable, {@code file:/path} a file, {@code k8s:secret/key} the file a
 * Kubernetes secret volume mounts under {@code wfdr.secrets.k8s-mount} ({@code <mount>/<secret>/<key>}).
 */
@ApplicationScoped
public class SecretResolver {

    private final Path k8sMount;

    SecretResolver(@ConfigProperty(name = "wfdr.secrets.k8s-mount", defaultValue = "/var/run/secrets/wfdr") String mount) {
        this.k8sMount = Path.of(mount);
    }

    public String resolve(String reference) {
        if (reference == null) {
            throw new IllegalArgumentException("no secret reference");
        }
        if (reference.startsWith("env:")) {
            String value = System.getenv(reference.substring(4));
            if (value == null) {
                throw new IllegalStateException("the environment variable of " + reference + " is not set");
            }
            return value;
        }
        if (reference.startsWith("file:")) {
            return read(Path.of(reference.substring(5)), reference);
        }
        if (reference.startsWith("k8s:")) {
            return read(k8sMount.resolve(reference.substring(4)), reference);
        }
        throw new IllegalArgumentException("not a secret reference (env:, file:, k8s:)");
    }

    private static String read(Path file, String reference) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the secret of " + reference + " cannot be read");
        }
    }
}
