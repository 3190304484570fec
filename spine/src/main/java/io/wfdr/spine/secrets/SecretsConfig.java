package io.wfdr.spine.secrets;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where secret references may point: nothing else in the process environment or on disk is reachable. */
@ConfigMapping(prefix = "wfdr.secrets")
public interface SecretsConfig {

    /** {@code env:NAME} resolves only variables whose name starts with one of these. */
    @WithDefault("WFDR_SECRET_")
    List<String> envPrefixes();

    /** {@code file:/path} resolves only files inside one of these folders (after resolving links). */
    @WithDefault("/run/secrets,/var/run/secrets/wfdr")
    List<String> fileFolders();

    /** {@code k8s:secret/key} reads {@code <mount>/<secret>/<key>}, the file a Kubernetes secret volume mounts. */
    @WithDefault("/var/run/secrets/wfdr")
    String k8sMount();
}
