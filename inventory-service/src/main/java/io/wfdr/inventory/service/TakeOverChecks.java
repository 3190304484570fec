package io.wfdr.inventory.service;

import java.util.List;
import java.util.stream.Collectors;

import io.wfdr.inventory.domain.Database;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.inventory.domain.Server;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Violations;
import io.wfdr.spine.tsql.TSql;

/**
 * Why a take-over cannot be done, decided before anything changes: the restore service hears every reason at once
 * in the rejection, in words, and the inventory stays as it was.
 */
final class TakeOverChecks {

    static final int MAX_REASON = 1000;
    static final int MAX_TICKET = 100;
    static final int MAX_ID = 36;

    private final Violations violations = new Violations();

    /** The parts the command names, as the inventory found them (null: no such thing). */
    record Found(Database production, Server server, OdbcDsn dsn) {
    }

    static void check(TakeOverCommand command, Found found) {
        TakeOverChecks checks = new TakeOverChecks();
        checks.lengths(command);
        checks.known(command, found);
        checks.name(command.name());
        if (found.production() != null) {
            checks.server(found.production(), found.server());
            checks.dsn(found.production(), found.dsn());
            checks.notItself(command, found.production());
            checks.inUse(found.production());
        }
        checks.throwIfAny(command);
    }

    private void lengths(TakeOverCommand command) {
        longer("reason", command.reason(), MAX_REASON);
        longer("ticketId", command.ticketId(), MAX_TICKET);
        longer("runbookId", command.runbookId(), MAX_ID);
    }

    private void longer(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(field, "must be at most " + max + " characters, was " + value.length());
        }
    }

    private void known(TakeOverCommand command, Found found) {
        if (found.production() == null) {
            violations.add("databaseId", "no database has the id " + command.databaseId());
        }
        if (found.server() == null) {
            violations.add("serverId", "no server has the id " + command.serverId());
        }
        if (found.dsn() == null) {
            violations.add("dsnId", "no ODBC DSN has the id " + command.dsnId());
        }
    }

    /** The name the restore gave the database, as SQL Server takes it: what the runbook quoted to restore it. */
    private void name(String name) {
        try {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a database needs a name that is not blank");
            }
            TSql.identifier(name);
        } catch (IllegalArgumentException e) {
            violations.add("name", "is not a valid SQL Server identifier: " + e.getMessage());
        }
    }

    private void server(Database production, Server server) {
        if (server == null) {
            return;
        }
        if (!server.isDatabaseServer()) {
            violations.add("serverId", "server " + server.name + " is not a database server");
        }
        if (!server.environmentId.equals(production.environmentId)) {
            violations.add("serverId", "server " + server.name + " belongs to another environment than "
                    + production.name);
        }
    }

    private void dsn(Database production, OdbcDsn dsn) {
        if (dsn != null && !dsn.environmentId.equals(production.environmentId)) {
            violations.add("dsnId", "DSN " + dsn.name + " belongs to another environment than " + production.name);
        }
    }

    private void notItself(TakeOverCommand command, Database production) {
        if (production.serverId.equals(command.serverId()) && production.name.equalsIgnoreCase(command.name())) {
            violations.add("name", production.name + " on its own server is the database to be taken over from");
        }
    }

    private void inUse(Database production) {
        if (!production.active) {
            violations.add("databaseId", production.name + " is not the database Workflow uses now (active: false); "
                    + "only that one is taken over");
        }
    }

    private void throwIfAny(TakeOverCommand command) {
        List<io.wfdr.spine.problem.Problem.FieldError> errors = violations.errors();
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem("The take-over of database " + command.databaseId() + " is refused: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")),
                    errors);
        }
    }
}
