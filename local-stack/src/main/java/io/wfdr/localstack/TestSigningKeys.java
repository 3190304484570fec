package io.wfdr.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Generates a fresh RSA key pair for a test run (never committed) and points smallrye-jwt at it: the service
 * verifies with the public key and tests sign their bearer tokens with the private one.
 */
public class TestSigningKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://wfdr.local/issuer";

    private static Path dir;

    private static synchronized Path keyDir() throws IOException, NoSuchAlgorithmException {
        if (dir == null) {
            dir = Files.createTempDirectory("wfdr-test-keys");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return dir;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    @Override
    public Map<String, String> start() {
        try {
            Path keys = keyDir();
            return Map.of(
                    "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "smallrye.jwt.sign.key.location", keys.resolve("private.pem").toUri().toString(),
                    "smallrye.jwt.new-token.issuer", ISSUER);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not create test signing keys", e);
        }
    }

    @Override
    public void stop() {
        // keys stay valid for the whole test JVM
    }
}
