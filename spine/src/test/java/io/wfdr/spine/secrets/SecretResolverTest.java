package io.wfdr.spine.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret references reach only what they are allowed to, and the secret comes back exactly as stored. */
class SecretResolverTest {

    @TempDir
    Path dir;

    private Path secrets;
    private SecretResolver resolver;

    @BeforeEach
    void aSecretsFolderAndAnEnvironment() throws IOException {
        secrets = Files.createDirectories(dir.resolve("secrets"));
        Path k8s = Files.createDirectories(dir.resolve("k8s/tfwfowner"));
        Files.writeString(k8s.resolve("password"), "from-k8s");
        resolver = SecretResolver.of(List.of("WFDR_SECRET_"), List.of(secrets), dir.resolve("k8s"),
                Map.of("WFDR_SECRET_TFWFOWNER", " pass word \n", "PATH", "/usr/bin", "HOME", "/root"));
    }

    @Test
    void anEnvironmentVariableWithAnAllowedPrefixResolvesUnaltered() {
        assertEquals(" pass word \n", resolver.resolve("env:WFDR_SECRET_TFWFOWNER"));
    }

    @Test
    void anyOtherEnvironmentVariableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("env:PATH"));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("env:HOME"));
    }

    @Test
    void aFileInsideAnAllowedFolderResolvesByteForByteWithItsTrailingNewline() throws IOException {
        Files.writeString(secrets.resolve("tfwfuser"), "  s3cret\t\n");
        assertEquals("  s3cret\t\n", resolver.resolve("file:" + secrets.resolve("tfwfuser")));
    }

    @Test
    void aFileOutsideTheAllowedFoldersIsRefusedAlsoByDotDotOrByALink() throws IOException {
        Path outside = Files.writeString(dir.resolve("shadow"), "root:x");
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("file:" + outside));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("file:" + secrets + "/../shadow"));
        Path link = Files.createSymbolicLink(secrets.resolve("link"), outside);
        assertThrows(IllegalStateException.class, () -> resolver.resolve("file:" + link));
    }

    @Test
    void aKubernetesSecretIsReadFromItsMountAndCannotLeaveIt() {
        assertEquals("from-k8s", resolver.resolve("k8s:tfwfowner/password"));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("k8s:../etc/passwd"));
    }

    @Test
    void somethingThatIsNotAReferenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("plaintext-password"));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(null));
    }
}
