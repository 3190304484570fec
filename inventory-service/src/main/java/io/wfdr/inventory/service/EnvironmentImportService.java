package io.wfdr.inventory.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wfdr.inventory.api.DeploymentRequest;
import io.wfdr.inventory.api.EnvironmentDocument;
import io.wfdr.inventory.api.EnvironmentDocument.DatabaseEntry;
import io.wfdr.inventory.api.EnvironmentDocument.DeploymentEntry;
import io.wfdr.inventory.api.EnvironmentDocument.DsnEntry;
import io.wfdr.inventory.api.EnvironmentDocument.HostEntry;
import io.wfdr.inventory.api.EnvironmentDocument.LoginEntry;
import io.wfdr.inventory.api.EnvironmentDocument.ServerEntry;
import io.wfdr.inventory.api.EnvironmentDocument.SiteEntry;
import io.wfdr.inventory.api.EnvironmentView;
import io.wfdr.inventory.api.PairView;
import io.wfdr.inventory.api.ServerRequest;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Database;
import io.wfdr.inventory.domain.Environment;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.domain.SqlLogin;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.messaging.ServersPaired;
import io.wfdr.inventory.repository.DatabaseRepository;
import io.wfdr.inventory.repository.DsnRepository;
import io.wfdr.inventory.repository.HostRepository;
import io.wfdr.inventory.repository.LoginRepository;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Imports a whole environment in one transaction. The document is checked as a whole first: shape (bean
 * validation), references by name, and the same rules as the single-entity operations; if anything is wrong,
 * nothing is stored and every problem is listed with its path, e.g. {@code servers[412].host}.
 */
@ApplicationScoped
public class EnvironmentImportService {

    public record Imported(EnvironmentView environment, int sites, int hosts, int servers, int pairs,
            int databases, int logins, int dsns, int deployments) {
    }

    private static final Pattern ENTRY = Pattern.compile("^(\\w+)\\[(\\d+)]");

    private final Validator validator;
    private final EnvironmentService environments;
    private final SiteRepository sites;
    private final HostRepository hosts;
    private final ServerRepository servers;
    private final PairRepository pairs;
    private final DatabaseRepository databases;
    private final LoginRepository logins;
    private final DsnRepository dsns;
    private final PairService pairService;
    private final DeploymentService deploymentService;
    private final DriftService drift;
    private final InventoryEvents events;

    EnvironmentImportService(Validator validator, EnvironmentService environments, SiteRepository sites,
            HostRepository hosts, ServerRepository servers, PairRepository pairs, DatabaseRepository databases,
            LoginRepository logins, DsnRepository dsns, PairService pairService, DeploymentService deploymentService,
            DriftService drift, InventoryEvents events) {
        this.validator = validator;
        this.environments = environments;
        this.sites = sites;
        this.hosts = hosts;
        this.servers = servers;
        this.pairs = pairs;
        this.databases = databases;
        this.logins = logins;
        this.dsns = dsns;
        this.pairService = pairService;
        this.deploymentService = deploymentService;
        this.drift = drift;
        this.events = events;
    }

    @Transactional
    public Imported importEnvironment(EnvironmentDocument document) {
        if (document == null) {
            throw new InvalidRequestProblem("The request has no environment document", List.of());
        }
        Plan plan = new Plan(document);
        plan.check();
        if (!plan.violations.isEmpty()) {
            throw new InvalidRequestProblem("The environment document was not imported: it breaks "
                    + plan.violations.errors().size() + " rule(s), listed in errors; nothing was stored",
                    plan.violations.errors());
        }
        return plan.store();
    }

    /** A validator's path in the document's words: {@code servers[3].<list element>} is {@code servers[3]}. */
    static String inUserWords(String path) {
        return path.replaceAll("\\.?<[a-z ]+>", "").replaceAll("\\[]", "");
    }

    /** The document turned into entities, with every violation found on the way. */
    private final class Plan {

        private final EnvironmentDocument doc;
        private final Violations violations = new Violations();
        private final Set<String> malformed = new HashSet<>();
        private final Environment environment = new Environment();
        private final Map<String, Site> siteByName = new HashMap<>();
        private final Map<String, Host> hostByName = new HashMap<>();
        /** Windows computer names are case-insensitive: SQL01 and sql01 are one server. */
        private final Map<String, Server> serverByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, SqlLogin> loginByServerAndName = new HashMap<>();
        private final List<ServerPair> newPairs = new ArrayList<>();
        private final List<Database> newDatabases = new ArrayList<>();
        private final List<OdbcDsn> newDsns = new ArrayList<>();
        /**
         * Every name the document gives a site, host, server or login, valid or not: a reference to an entry that
         * was refused is not a second mistake (the entry's own error says what is wrong).
         */
        private final Set<String> siteNames = new HashSet<>();
        private final Set<String> hostNames = new HashSet<>();
        private final Set<String> serverNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private final Set<String> loginNames = new HashSet<>();

        Plan(EnvironmentDocument doc) {
            this.doc = doc;
            EnvironmentDocument.orEmpty(doc.sites()).stream().filter(Objects::nonNull).map(SiteEntry::name)
                    .filter(Objects::nonNull).forEach(siteNames::add);
            EnvironmentDocument.orEmpty(doc.hosts()).stream().filter(Objects::nonNull).map(HostEntry::name)
                    .filter(Objects::nonNull).forEach(hostNames::add);
            EnvironmentDocument.orEmpty(doc.servers()).stream().filter(Objects::nonNull).map(ServerEntry::name)
                    .filter(Objects::nonNull).forEach(serverNames::add);
            EnvironmentDocument.orEmpty(doc.logins()).stream().filter(Objects::nonNull)
                    .forEach(l -> loginNames.add(l.server() + "/" + l.name()));
        }

        void check() {
            for (ConstraintViolation<EnvironmentDocument> v : validator.validate(doc)) {
                String path = inUserWords(v.getPropertyPath().toString());
                violations.add(path, v.getMessage());
                Matcher entry = ENTRY.matcher(path);
                if (entry.find()) {
                    malformed.add(entry.group(1) + "[" + entry.group(2) + "]");
                }
            }
            environment.id = UUID.randomUUID().toString();
            if (doc.name() != null && environments.nameTaken(doc.name())) {
                violations.add("name", "an environment named " + doc.name() + " already exists");
            }
            checkSites();
            checkHosts();
            checkServers();
            checkPairs();
            checkDatabases();
            checkLogins();
            checkDsns();
            checkDeployments();
        }

        private <T> void each(String collection, List<T> entries, EntryCheck<T> check) {
            if (entries == null) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                String path = collection + "[" + i + "]";
                if (entries.get(i) != null && !malformed.contains(path)) {
                    check.check(path + ".", entries.get(i));
                }
            }
        }

        private void checkSites() {
            each("sites", doc.sites(), (path, e) -> {
                if (siteByName.containsKey(e.name())) {
                    violations.add(path + "name", "another site of the document is named " + e.name());
                    return;
                }
                Site site = new Site();
                site.id = UUID.randomUUID().toString();
                site.environmentId = environment.id;
                site.name = e.name();
                site.role = e.role();
                site.location = e.location();
                siteByName.put(e.name(), site);
            });
        }

        private void checkHosts() {
            each("hosts", doc.hosts(), (path, e) -> {
                Site site = siteByName.get(e.site());
                HostService.check(path, e.kind(), e.hypervisor(), "site", site != null || siteNames.contains(e.site()),
                        violations);
                if (hostByName.containsKey(e.name()) || hosts.count("name", e.name()) > 0) {
                    violations.add(path + "name", "a host named " + e.name() + " already exists");
                    return;
                }
                if (site == null) {
                    return;
                }
                Host host = new Host();
                host.id = UUID.randomUUID().toString();
                host.name = e.name();
                host.kind = e.kind();
                host.hypervisor = e.hypervisor();
                host.connectionRef = e.connectionRef();
                host.siteId = site.id;
                hostByName.put(e.name(), host);
            });
        }

        private void checkServers() {
            each("servers", doc.servers(), (path, e) -> {
                Site site = siteByName.get(e.site());
                if (site == null) {
                    missing(path + "site", "site", e.site(), siteNames);
                    return;
                }
                Host host = e.host() == null ? null : hostByName.get(e.host());
                if (e.host() != null && host == null) {
                    missing(path + "host", "host", e.host(), hostNames);
                    return;
                }
                Server server = new Server();
                server.id = UUID.randomUUID().toString();
                ServerRequest request = new ServerRequest(e.name(), site.id, e.roles(), e.machineType(),
                        host == null ? null : host.id, e.hardware(), e.operatingSystem(), e.sqlServer(),
                        e.software(), e.state(), e.windowsServices(), e.remoteShell(), e.workflowUrl());
                ServerFields.apply(server, request, site, request.hostId());
                server.state = ServerFields.initialState(request, site);
                ServerRules.checkServer(path, server, site, host, "host", violations);
                if (serverByName.containsKey(e.name())
                        || servers.nameTaken(e.name())) {
                    violations.add(path + "name", "a server named " + e.name() + " already exists");
                    return;
                }
                serverByName.put(e.name(), server);
            });
        }

        private void checkPairs() {
            Set<String> paired = new HashSet<>();
            each("pairs", doc.pairs(), (path, e) -> {
                Server production = server(path + "production", e.production());
                Server dr = server(path + "dr", e.dr());
                if (production == null || dr == null) {
                    return;
                }
                ServerRules.checkPair(path, production, siteOf(production), dr, siteOf(dr), "production", "dr",
                        violations);
                if (!paired.add(production.name)) {
                    violations.add(path + "production", "server " + production.name + " is already in a pair");
                }
                if (!paired.add(dr.name)) {
                    violations.add(path + "dr", "server " + dr.name + " is already in a pair");
                }
                newPairs.add(pairService.newPair(production, dr));
            });
        }

        private void checkDatabases() {
            Map<String, Database> byServerAndName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            each("databases", doc.databases(), (path, e) -> {
                Server server = server(path + "server", e.server());
                if (server == null) {
                    return;
                }
                DatabaseService.checkServer(path, "server", server, violations);
                Database database = database(e, server);
                if (byServerAndName.putIfAbsent(e.server() + "/" + e.name(), database) != null) {
                    violations.add(path + "name", "server " + e.server() + " has another database named " + e.name());
                }
                newDatabases.add(database);
            });
            each("databases", doc.databases(), (path, e) -> takesOverFrom(path, e, byServerAndName));
        }

        /** The database an entry replaced is another database of the document, and no longer the one in use. */
        private void takesOverFrom(String path, DatabaseEntry e, Map<String, Database> byServerAndName) {
            EnvironmentDocument.DatabaseReference replaced = e.takesOverFrom();
            Database self = byServerAndName.get(e.server() + "/" + e.name());
            if (replaced == null || self == null) {
                return;
            }
            Database found = byServerAndName.get(replaced.server() + "/" + replaced.name());
            if (found == null) {
                violations.add(path + "takesOverFrom", "no database named " + replaced.name() + " on server "
                        + replaced.server() + " in the document");
            } else if (found == self) {
                violations.add(path + "takesOverFrom", "a database cannot take over from itself");
            } else if (found.active) {
                violations.add(path + "takesOverFrom", replaced.name() + " on " + replaced.server() + " is active; "
                        + "a database another one took over from is not (give it active: false)");
            } else {
                self.takesOverFrom = found.id;
            }
        }

        private void checkLogins() {
            each("logins", doc.logins(), (path, e) -> {
                Server server = server(path + "server", e.server());
                LoginService.checkSecret(path, e.secretRef(), violations);
                if (server == null) {
                    return;
                }
                DatabaseService.checkServer(path, "server", server, violations);
                String key = e.server() + "/" + e.name();
                if (loginByServerAndName.containsKey(key)) {
                    violations.add(path + "name", "server " + e.server() + " has another login named " + e.name());
                    return;
                }
                loginByServerAndName.put(key, login(e, server));
            });
        }

        private void checkDsns() {
            Set<String> seen = new HashSet<>();
            each("dsns", doc.dsns(), (path, e) -> {
                Server server = server(path + "server", e.server());
                Server target = server(path + "targetServer", e.targetServer());
                SqlLogin login = loginByServerAndName.get(e.targetServer() + "/" + e.login());
                if (target != null && login == null && !loginNames.contains(e.targetServer() + "/" + e.login())) {
                    violations.add(path + "login", "server " + e.targetServer() + " has no login named "
                            + e.login() + " in the document");
                }
                DsnService.check(path, e.bitness(), target, login, "targetServer", "login", violations);
                if (!seen.add(e.server() + "/" + e.name() + "/" + e.bitness())) {
                    violations.add(path + "name", "server " + e.server() + " has another " + e.bitness()
                            + "-bit DSN named " + e.name());
                }
                if (server != null && target != null && login != null) {
                    newDsns.add(dsn(e, server, target, login));
                }
            });
        }

        private void checkDeployments() {
            Set<String> recorded = new HashSet<>();
            each("deployments", doc.deployments(), (path, e) -> {
                Server server = server(path + "server", e.server());
                DeploymentService.checkServer(path, "server", server, violations);
                if (!recorded.add(e.server().toUpperCase(Locale.ROOT) + "/" + e.kind() + "/" + e.name())) {
                    violations.add(path + "name", "another deployment of the document records " + e.kind() + " "
                            + e.name() + " on " + e.server());
                }
            });
        }

        private Server server(String field, String name) {
            Server server = serverByName.get(name);
            if (server == null) {
                missing(field, "server", name, serverNames);
            }
            return server;
        }

        /** A reference to nothing in the document is a mistake; one to an entry that was refused is not another. */
        private void missing(String field, String kind, String name, Set<String> named) {
            if (!named.contains(name)) {
                violations.add(field, "no " + kind + " named " + name + " in the document");
            }
        }

        private Site siteOf(Server server) {
            return siteByName.values().stream().filter(s -> s.id.equals(server.siteId)).findFirst().orElseThrow();
        }

        Imported store() {
            Environment stored = environments.create(doc.name(), doc.description());
            siteByName.values().forEach(site -> {
                site.environmentId = stored.id;
                sites.persist(site);
                events.registered(SiteService.ENTITY, site.id, site.name, Views.of(site));
            });
            hostByName.values().forEach(host -> {
                hosts.persist(host);
                events.registered(HostService.ENTITY, host.id, host.name, Views.of(host));
            });
            serverByName.values().forEach(server -> {
                server.environmentId = stored.id;
                servers.persist(server);
                events.registered(ServerService.ENTITY, server.id, server.name, Views.of(server));
            });
            newDatabases.forEach(db -> {
                db.environmentId = stored.id;
                databases.persist(db);
                events.registered(DatabaseService.ENTITY, db.id, db.name, Views.of(db));
            });
            loginByServerAndName.values().forEach(login -> {
                login.environmentId = stored.id;
                logins.persist(login);
                events.registered(LoginService.ENTITY, login.id, login.name, Views.of(login));
            });
            newDsns.forEach(dsn -> {
                dsn.environmentId = stored.id;
                dsns.persist(dsn);
                events.registered(DsnService.ENTITY, dsn.id, dsn.name, Views.of(dsn));
            });
            List<DeploymentEntry> deploymentEntries = EnvironmentDocument.orEmpty(doc.deployments());
            deploymentEntries.forEach(e -> deploymentService.record(serverByName.get(e.server()),
                    new DeploymentRequest(null, e.kind(), e.name(), e.version())));
            newPairs.forEach(pair -> {
                pair.environmentId = stored.id;
                pairs.persist(pair);
                PairView view = pairService.view(pair);
                events.publish(pair.id, "pair/" + view.productionServerName() + "/" + view.drServerName(),
                        new ServersPaired(view));
                drift.recheck(pair);
            });
            return new Imported(Views.of(stored), siteByName.size(), hostByName.size(), serverByName.size(),
                    newPairs.size(), newDatabases.size(), loginByServerAndName.size(), newDsns.size(),
                    deploymentEntries.size());
        }

        private Database database(DatabaseEntry e, Server server) {
            Database db = new Database();
            db.id = UUID.randomUUID().toString();
            db.name = e.name();
            db.kind = e.kind();
            db.serverId = server.id;
            db.recoveryModel = e.recoveryModel();
            db.rpoMinutes = e.rpoMinutes();
            db.rtoMinutes = e.rtoMinutes();
            db.active = e.isActive();
            return db;
        }

        private SqlLogin login(LoginEntry e, Server server) {
            SqlLogin login = new SqlLogin();
            login.id = UUID.randomUUID().toString();
            login.name = e.name();
            login.serverId = server.id;
            login.sid = e.sid();
            login.secretRef = e.secretRef();
            return login;
        }

        private OdbcDsn dsn(DsnEntry e, Server server, Server target, SqlLogin login) {
            OdbcDsn dsn = new OdbcDsn();
            dsn.id = UUID.randomUUID().toString();
            dsn.name = e.name();
            dsn.serverId = server.id;
            dsn.bitness = e.bitness();
            dsn.targetServerId = target.id;
            dsn.defaultDatabase = e.defaultDatabase();
            dsn.loginId = login.id;
            return dsn;
        }
    }

    @FunctionalInterface
    private interface EntryCheck<T> {
        void check(String path, T entry);
    }
}
