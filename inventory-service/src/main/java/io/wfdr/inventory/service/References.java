package io.wfdr.inventory.service;

import java.util.ArrayList;
import java.util.List;

import io.wfdr.inventory.repository.DatabaseRepository;
import io.wfdr.inventory.repository.DeploymentRepository;
import io.wfdr.inventory.repository.DsnRepository;
import io.wfdr.inventory.repository.HostRepository;
import io.wfdr.inventory.repository.LoginRepository;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** What still refers to an entity, so that removing it would leave something dangling (HTTP 409). */
@ApplicationScoped
class References {

    private final SiteRepository sites;
    private final HostRepository hosts;
    private final ServerRepository servers;
    private final PairRepository pairs;
    private final DatabaseRepository databases;
    private final LoginRepository logins;
    private final DsnRepository dsns;
    private final DeploymentRepository deployments;

    References(SiteRepository sites, HostRepository hosts, ServerRepository servers, PairRepository pairs,
            DatabaseRepository databases, LoginRepository logins, DsnRepository dsns,
            DeploymentRepository deployments) {
        this.sites = sites;
        this.hosts = hosts;
        this.servers = servers;
        this.pairs = pairs;
        this.databases = databases;
        this.logins = logins;
        this.dsns = dsns;
        this.deployments = deployments;
    }

    List<String> usersOfEnvironment(String id) {
        List<String> users = new ArrayList<>();
        count(users, sites.count("environmentId", id), "site");
        return users;
    }

    List<String> usersOfSite(String id) {
        List<String> users = new ArrayList<>();
        count(users, servers.count("siteId", id), "server");
        count(users, hosts.count("siteId", id), "host");
        return users;
    }

    List<String> usersOfHost(String id) {
        List<String> users = new ArrayList<>();
        count(users, servers.count("hostId", id), "server");
        return users;
    }

    List<String> usersOfServer(String id) {
        List<String> users = new ArrayList<>();
        count(users, pairs.count("productionServerId = ?1 or drServerId = ?1", id), "pair");
        count(users, databases.count("serverId", id), "database");
        count(users, logins.count("serverId", id), "SQL login");
        count(users, dsns.count("serverId = ?1 or targetServerId = ?1", id), "ODBC DSN");
        count(users, deployments.count("serverId", id), "deployment");
        return users;
    }

    List<String> usersOfLogin(String id) {
        List<String> users = new ArrayList<>();
        count(users, dsns.count("loginId", id), "ODBC DSN");
        return users;
    }

    private static void count(List<String> users, long count, String what) {
        if (count > 0) {
            users.add(count + " " + what + (count == 1 ? "" : "s"));
        }
    }
}
