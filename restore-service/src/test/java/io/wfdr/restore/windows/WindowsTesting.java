package io.wfdr.restore.windows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wfdr.restore.config.WindowsConfig;
import io.wfdr.spine.secrets.SecretResolver;

/** What the SSH tests share: the config, a resolver over a given environment, the secret's reference. */
final class WindowsTesting {

    static final String SECRET_REF = "env:WFDR_WINDOWS_PASSWORD";
    static final String SECRET_VARIABLE = "WFDR_WINDOWS_PASSWORD";

    private WindowsTesting() {
    }

    static WindowsConfig config(int outputLimit) {
        return new WindowsConfig() {
            public Duration connectTimeout() {
                return Duration.ofSeconds(10);
            }

            public Duration authTimeout() {
                return Duration.ofSeconds(10);
            }

            public int outputLimit() {
                return outputLimit;
            }
        };
    }

    static SecretResolver secrets(Map<String, String> environment, Path folder) {
        return SecretResolver.of(List.of("WFDR_"), List.of(folder), folder, environment);
    }
}
