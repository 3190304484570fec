package io.wfdr.snapshot.service;

import java.nio.file.Path;

import io.wfdr.snapshot.api.DatastoreRequest;
import io.wfdr.snapshot.api.DatastoreView;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The datastore folders of each VM host, checked before they are saved (a refused request changes nothing). */
@ApplicationScoped
public class Datastores {

    private final EntityManager em;

    Datastores(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public DatastoreView get(String hostId) {
        HostDatastore datastore = em.find(HostDatastore.class, host(hostId).id);
        if (datastore == null) {
            throw new NotFoundProblem("Datastore of VM host", hostId);
        }
        return view(datastore);
    }

    @Transactional
    public DatastoreView put(String hostId, DatastoreRequest request) {
        KnownVmHost host = host(hostId);
        Violations violations = new Violations();
        absolute(request.snapshotFolder(), "snapshotFolder", violations);
        absolute(request.diskFolder(), "diskFolder", violations);
        violations.throwIfAny("The datastore folders of " + host.name + " were not saved");
        HostDatastore datastore = em.find(HostDatastore.class, host.id);
        boolean created = datastore == null;
        if (created) {
            datastore = new HostDatastore();
            datastore.hostId = host.id;
        }
        datastore.snapshotFolder = Path.of(request.snapshotFolder()).normalize().toString();
        datastore.diskFolder = Path.of(request.diskFolder()).normalize().toString();
        if (created) {
            em.persist(datastore);
        }
        em.flush();
        return view(datastore);
    }

    private static void absolute(String folder, String field, Violations violations) {
        if (folder != null && (!folder.startsWith("/") || folder.contains("\0")
                || !Path.of(folder).normalize().toString().equals(folder.replaceAll("/+$", "")))) {
            violations.add(field, "must be an absolute path without . or .. parts");
        }
    }

    private KnownVmHost host(String id) {
        KnownVmHost host = em.find(KnownVmHost.class, id);
        if (host == null) {
            throw new NotFoundProblem("VM host", id);
        }
        return host;
    }

    private static DatastoreView view(HostDatastore d) {
        return new DatastoreView(d.hostId, d.snapshotFolder, d.diskFolder, d.revision);
    }
}
