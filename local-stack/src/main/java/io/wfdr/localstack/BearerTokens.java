package io.wfdr.localstack;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens for tests, signed with the key {@link TestSigningKeys} generated. */
public final class BearerTokens {

    public static final String AUDIENCE = "wfdr";

    private BearerTokens() {
    }

    public static String forRole(String role) {
        return forRoles(Set.of(role));
    }

    public static String forRoles(Set<String> roles) {
        return Jwt.issuer(TestSigningKeys.ISSUER)
                .audience(AUDIENCE)
                .upn("test-" + String.join("-", roles) + "@wfdr.local")
                .groups(roles)
                .expiresIn(Duration.ofMinutes(10))
                .sign();
    }

    public static String expired(String role) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(TestSigningKeys.ISSUER)
                .audience(AUDIENCE)
                .upn("late@wfdr.local")
                .groups(Set.of(role))
                .issuedAt(now - 3600)
                .expiresAt(now - 1800)
                .sign();
    }
}
