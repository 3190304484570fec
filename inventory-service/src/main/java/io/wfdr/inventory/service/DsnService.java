package io.wfdr.inventory.service;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.DsnRequest;
import io.wfdr.inventory.api.DsnView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.SqlLogin;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.DsnRepository;
import io.wfdr.inventory.repository.LoginRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The TFLOWF system DSN of each Workflow server: the SQL Server and database it points at, and its login. */
@ApplicationScoped
public class DsnService {

    static final String ENTITY = "dsn";

    private final DsnRepository dsns;
    private final ServerRepository servers;
    private final LoginRepository logins;
    private final InventoryEvents events;

    DsnService(DsnRepository dsns, ServerRepository servers, LoginRepository logins, InventoryEvents events) {
        this.dsns = dsns;
        this.servers = servers;
        this.logins = logins;
        this.events = events;
    }

    @Transactional
    public Page<DsnView> list(String environmentId, String serverId, int page, int size) {
        PanacheQuery<OdbcDsn> query = Scopes.ofServerOrEnvironment(dsns, environmentId, serverId, Sort.by("name"));
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public DsnView get(String id) {
        return Views.of(dsns.require(id));
    }

    @Transactional
    public DsnView register(DsnRequest request) {
        OdbcDsn dsn = new OdbcDsn();
        dsn.id = UUID.randomUUID().toString();
        apply(dsn, request);
        dsns.persist(dsn);
        DsnView view = Views.of(dsn);
        events.registered(ENTITY, dsn.id, dsn.name, view);
        return view;
    }

    @Transactional
    public DsnView update(String id, DsnRequest request) {
        OdbcDsn dsn = dsns.require(id);
        apply(dsn, request);
        DsnView view = Views.of(dsn);
        events.updated(ENTITY, id, dsn.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        OdbcDsn dsn = dsns.require(id);
        dsns.delete(dsn);
        events.removed(ENTITY, id, dsn.name, Views.of(dsn));
    }

    /** A DSN is 32- or 64-bit, points at a database server, and logs in with a login of that server. */
    static void check(String path, int bitness, Server target, SqlLogin login, String targetField,
            String loginField, Violations v) {
        if (bitness != 32 && bitness != 64) {
            v.add(path + "bitness", "must be 32 or 64");
        }
        if (target != null && !target.isDatabaseServer()) {
            v.add(path + targetField, "server " + target.name + " is not a database server; a DSN must point at one");
        }
        if (target != null && login != null && !login.serverId.equals(target.id)) {
            v.add(path + loginField, "login " + login.name + " belongs to another SQL Server than " + target.name);
        }
    }

    private void apply(OdbcDsn dsn, DsnRequest request) {
        Server server = servers.findById(request.serverId());
        Server target = servers.findById(request.targetServerId());
        SqlLogin login = logins.findById(request.loginId());
        Violations violations = new Violations();
        missing(violations, "serverId", server, request.serverId());
        missing(violations, "targetServerId", target, request.targetServerId());
        missing(violations, "loginId", login, request.loginId());
        check("", request.bitness(), target, login, "targetServerId", "loginId", violations);
        violations.throwIfAny("The DSN");
        if (dsns.count("serverId = ?1 and name = ?2 and bitness = ?3 and id <> ?4", server.id, request.name(),
                request.bitness(), dsn.id) > 0) {
            throw new ConflictProblem("Server " + server.name + " already has a " + request.bitness()
                    + "-bit DSN named " + request.name());
        }
        dsn.name = request.name();
        dsn.serverId = server.id;
        dsn.environmentId = server.environmentId;
        dsn.bitness = request.bitness();
        dsn.targetServerId = target.id;
        dsn.defaultDatabase = request.defaultDatabase();
        dsn.loginId = login.id;
    }

    private static void missing(Violations v, String field, Object found, String id) {
        if (found == null) {
            v.add(field, "nothing has the id " + id);
        }
    }
}
