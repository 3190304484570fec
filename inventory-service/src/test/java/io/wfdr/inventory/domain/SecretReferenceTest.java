package io.wfdr.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"env:TFWFOWNER_PASSWORD", "file:/run/secrets/tfwfowner", "k8s:wfdr-logins/tfwfowner"})
    void aLoginPasswordIsReferencedNotGiven(String reference) {
        assertTrue(SecretReference.problemWith(reference).isEmpty(), reference);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Secret123!", "env:", "file:relative/path", "vault:x", "env:1ABC"})
    void anythingElseIsRefused(String reference) {
        assertTrue(SecretReference.problemWith(reference).isPresent(), String.valueOf(reference));
    }
}
