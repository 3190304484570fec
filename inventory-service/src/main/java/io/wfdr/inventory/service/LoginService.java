package io.wfdr.inventory.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.LoginRequest;
import io.wfdr.inventory.api.LoginView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.SecretReference;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.SqlLogin;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.LoginRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** SQL logins (tfwfowner, tfwfuser) as secret references: the password itself never enters wfdr. */
@ApplicationScoped
public class LoginService {

    static final String ENTITY = "login";

    private final LoginRepository logins;
    private final ServerRepository servers;
    private final References references;
    private final InventoryEvents events;

    LoginService(LoginRepository logins, ServerRepository servers, References references, InventoryEvents events) {
        this.logins = logins;
        this.servers = servers;
        this.references = references;
        this.events = events;
    }

    @Transactional
    public Page<LoginView> list(String environmentId, String serverId, int page, int size) {
        PanacheQuery<SqlLogin> query = Scopes.ofServerOrEnvironment(logins, environmentId, serverId, Sort.by("name"));
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public LoginView get(String id) {
        return Views.of(logins.require(id));
    }

    @Transactional
    public LoginView register(LoginRequest request) {
        SqlLogin login = new SqlLogin();
        login.id = UUID.randomUUID().toString();
        apply(login, request);
        logins.persist(login);
        LoginView view = Views.of(login);
        events.registered(ENTITY, login.id, login.name, view);
        return view;
    }

    @Transactional
    public LoginView update(String id, LoginRequest request) {
        SqlLogin login = logins.require(id);
        apply(login, request);
        LoginView view = Views.of(login);
        events.updated(ENTITY, id, login.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        SqlLogin login = logins.require(id);
        List<String> users = references.usersOfLogin(id);
        if (!users.isEmpty()) {
            throw new ConflictProblem("Login " + login.name + " is used by " + String.join(", ", users));
        }
        logins.delete(login);
        events.removed(ENTITY, id, login.name, Views.of(login));
    }

    static void checkSecret(String path, String secretRef, Violations v) {
        SecretReference.problemWith(secretRef).ifPresent(p -> v.add(path + "secretRef", p));
    }

    private void apply(SqlLogin login, LoginRequest request) {
        Server server = servers.findById(request.serverId());
        Violations violations = new Violations();
        if (server == null) {
            violations.add("serverId", "no server has the id " + request.serverId());
        }
        DatabaseService.checkServer("", "serverId", server, violations);
        checkSecret("", request.secretRef(), violations);
        violations.throwIfAny("The login");
        if (logins.count("serverId = ?1 and name = ?2 and id <> ?3", server.id, request.name(),
                login.id) > 0) {
            throw new ConflictProblem("Server " + server.name + " already has a login named " + request.name());
        }
        login.name = request.name();
        login.serverId = server.id;
        login.environmentId = server.environmentId;
        login.sid = request.sid() == null ? null : request.sid().toUpperCase(java.util.Locale.ROOT).replace("0X", "0x");
        login.secretRef = request.secretRef();
    }
}
