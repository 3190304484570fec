package io.wfdr.spine.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a secret reference at the moment a password is needed; the value is never stored or logged, and never
 * altered: no trimming, no newline stripped (a password may end in a space). {@code env:NAME} reads an environment
 * variable with an allowed prefix, {@code file:/path} a file inside an allowed folder, {@code k8s:secret/key} the
 * file a Kubernetes secret volume mounts. Anything else, and any path that leaves its folder, is refused.
 */
@ApplicationScoped
public class SecretResolver {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[-._A-Za-z0-9]+");

    private final SecretsConfig config;
    private final Function<String, String> environment;

    @Inject
    SecretResolver(SecretsConfig config) {
        this(config, System::getenv);
    }

    SecretResolver(SecretsConfig config, Function<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    public static SecretResolver of(List<String> envPrefixes, List<Path> fileFolders, Path k8sMount,
            Map<String, String> environment) {
        SecretsConfig config = new SecretsConfig() {
            public List<String> envPrefixes() {
                return envPrefixes;
            }

            public List<String> fileFolders() {
                return fileFolders.stream().map(Path::toString).toList();
            }

            public String k8sMount() {
                return k8sMount.toString();
            }
        };
        return new SecretResolver(config, environment::get);
    }

    /** Refuses a reference this resolver would never resolve, with the reason (for checks when one is saved). */
    public void check(String reference) {
        target(reference);
    }

    public String resolve(String reference) {
        Object target = target(reference);
        if (target instanceof String variable) {
            String value = environment.apply(variable);
            if (value == null) {
                throw new IllegalStateException("the environment variable of " + reference + " is not set");
            }
            return value;
        }
        return read((Path) target, reference);
    }

    private Object target(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new IllegalArgumentException("no secret reference");
        }
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            if (!ENV_NAME.matcher(name).matches() || config.envPrefixes().stream().noneMatch(name::startsWith)) {
                throw new IllegalArgumentException("env: references may name only variables starting with "
                        + String.join(" or ", config.envPrefixes()));
            }
            return name;
        }
        if (reference.startsWith("file:")) {
            Path file = Path.of(reference.substring(5));
            if (!file.isAbsolute() || folders().stream().noneMatch(f -> inside(f, file))) {
                throw new IllegalArgumentException("file: references may name only files inside "
                        + config.fileFolders());
            }
            return file;
        }
        if (reference.startsWith("k8s:")) {
            String name = reference.substring(4);
            if (!K8S_NAME.matcher(name).matches() || name.contains("..")) {
                throw new IllegalArgumentException("k8s: references are secret/key, e.g. k8s:tfwfowner/password");
            }
            return Path.of(config.k8sMount()).resolve(name);
        }
        throw new IllegalArgumentException("not a secret reference (env:, file:, k8s:)");
    }

    private List<Path> folders() {
        return config.fileFolders().stream().map(Path::of).toList();
    }

    private static boolean inside(Path folder, Path file) {
        return file.normalize().startsWith(folder.normalize()) && !file.toString().contains("..");
    }

    private String read(Path file, String reference) {
        try {
            Path real = file.toRealPath();
            boolean allowed = folders().stream().anyMatch(f -> realInside(f, real))
                    || realInside(Path.of(config.k8sMount()), real);
            if (!allowed) {
                throw new IllegalStateException("the secret of " + reference + " is a link out of its folder");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(real))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the secret of " + reference + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalStateException("the secret of " + reference + " cannot be read");
        }
    }

    private static boolean realInside(Path folder, Path real) {
        try {
            return real.startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
