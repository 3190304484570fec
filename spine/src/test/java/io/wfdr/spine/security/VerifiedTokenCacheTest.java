package io.wfdr.spine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aVerifiedTokenIsTakenFromTheCacheOnlyUntilItExpires() throws Exception {
        CountingParser verifier = new CountingParser(NOW.plusSeconds(60));
        MovableClock clock = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);

        cache.parse("token");
        cache.parse("token");
        assertEquals(1, verifier.verifications, "verified once while unexpired");

        clock.now = NOW.plusSeconds(60);
        verifier.refuse = true;
        assertThrows(ParseException.class, () -> cache.parse("token"), "an expired token is verified again");
        assertEquals(2, verifier.verifications);
    }

    @Test
    void aTokenAlreadyExpiredWhenVerifiedIsNeverCached() throws Exception {
        CountingParser verifier = new CountingParser(NOW.minusSeconds(1));
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MovableClock(NOW));

        cache.parse("token");
        cache.parse("token");

        assertEquals(2, verifier.verifications);
    }

    /** Stands for the real verification: counts calls, refuses when told to. */
    private static final class CountingParser extends DefaultJWTParser {
        private final Instant expiresAt;
        int verifications;
        boolean refuse;

        CountingParser(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }

        @Override
        public JsonWebToken parse(String bearerToken) throws ParseException {
            verifications++;
            if (refuse) {
                throw new ParseException("expired");
            }
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "someone";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claimName) {
                    return "exp".equals(claimName) ? (T) Long.valueOf(expiresAt.getEpochSecond()) : null;
                }
            };
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
