package io.wfdr.backup.offsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes {@code <backup file>.manifest.json} at a destination. A manifest is written to a temporary name
 * and renamed, so a reader never sees half of one.
 */
public class ManifestStore {

    public static final String SUFFIX = ".manifest.json";

    /** Record components only (no derived getters); fields a newer writer added are ignored, not fatal. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    public Path write(Path destinationDir, BackupManifest manifest) throws IOException {
        String first = manifest.files().get(0).name();
        Path target = destinationDir.resolve(first + SUFFIX);
        Path temporary = destinationDir.resolve(first + SUFFIX + ".tmp");
        json.writeValue(temporary.toFile(), manifest);
        return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every manifest at the destination, with the problems of those that cannot be read. */
    public Read readAll(Path destinationDir) throws IOException {
        List<BackupManifest> manifests = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(destinationDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    BackupManifest manifest = json.readValue(file.toFile(), BackupManifest.class);
                    if (manifest.manifestVersion() != BackupManifest.VERSION) {
                        unreadable.add(file.getFileName() + ": manifest version " + manifest.manifestVersion());
                    } else {
                        manifests.add(manifest);
                    }
                } catch (IOException e) {
                    unreadable.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return new Read(manifests, unreadable);
    }

    public record Read(List<BackupManifest> manifests, List<String> unreadable) {
    }
}
