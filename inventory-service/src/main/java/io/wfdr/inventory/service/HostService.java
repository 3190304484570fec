package io.wfdr.inventory.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.HostRequest;
import io.wfdr.inventory.api.HostView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.HostRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class HostService {

    static final String ENTITY = "host";

    private final HostRepository hosts;
    private final SiteRepository sites;
    private final ServerRepository servers;
    private final References references;
    private final InventoryEvents events;

    HostService(HostRepository hosts, SiteRepository sites, ServerRepository servers, References references,
            InventoryEvents events) {
        this.hosts = hosts;
        this.sites = sites;
        this.servers = servers;
        this.references = references;
        this.events = events;
    }

    @Transactional
    public Page<HostView> list(String siteId, HostKind kind, int page, int size) {
        PanacheQuery<Host> query;
        if (siteId != null && kind != null) {
            query = hosts.find("siteId = ?1 and kind = ?2", Sort.by("name"), siteId, kind);
        } else if (siteId != null) {
            query = hosts.find("siteId", Sort.by("name"), siteId);
        } else if (kind != null) {
            query = hosts.find("kind", Sort.by("name"), kind);
        } else {
            query = hosts.findAll(Sort.by("name"));
        }
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public HostView get(String id) {
        return Views.of(hosts.require(id));
    }

    @Transactional
    public HostView register(HostRequest request) {
        Host host = new Host();
        host.id = UUID.randomUUID().toString();
        apply(host, request);
        hosts.persist(host);
        HostView view = Views.of(host);
        events.registered(ENTITY, host.id, host.name, view);
        return view;
    }

    @Transactional
    public HostView update(String id, HostRequest request) {
        Host host = hosts.require(id);
        if (host.kind != request.kind() && servers.count("hostId", id) > 0) {
            throw new ConflictProblem("Host " + host.name + " runs VMs; it cannot stop being a VM host");
        }
        if (!host.siteId.equals(request.siteId()) && servers.count("hostId", id) > 0) {
            throw new ConflictProblem("Host " + host.name + " runs VMs at its site; a VM host is at the site of "
                    + "its VMs, so move them first");
        }
        apply(host, request);
        HostView view = Views.of(host);
        events.updated(ENTITY, id, host.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        Host host = hosts.require(id);
        List<String> users = references.usersOfHost(id);
        if (!users.isEmpty()) {
            throw new ConflictProblem("Host " + host.name + " still runs " + String.join(", ", users)
                    + "; move or remove them first");
        }
        hosts.delete(host);
        events.removed(ENTITY, id, host.name, Views.of(host));
    }

    static void check(String path, HostKind kind, Object hypervisor, String siteField, boolean siteKnown,
            Violations v) {
        if (kind == HostKind.VM_HOST && hypervisor == null) {
            v.add(path + "hypervisor", "a VM host needs its hypervisor");
        }
        if (kind == HostKind.PHYSICAL_MACHINE && hypervisor != null) {
            v.add(path + "hypervisor", "a physical machine has no hypervisor");
        }
        if (!siteKnown) {
            v.add(path + siteField, "no such site");
        }
    }

    private void apply(Host host, HostRequest request) {
        Violations violations = new Violations();
        check("", request.kind(), request.hypervisor(), "siteId", sites.findById(request.siteId()) != null,
                violations);
        violations.throwIfAny("The host");
        if (hosts.count("name = ?1 and id <> ?2", request.name(), host.id) > 0) {
            throw new ConflictProblem("A host named " + request.name() + " is already registered");
        }
        host.name = request.name();
        host.kind = request.kind();
        host.hypervisor = request.hypervisor();
        host.connectionRef = request.connectionRef();
        host.siteId = request.siteId();
    }
}
