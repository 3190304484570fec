package io.wfdr.restore.sqlserver;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Logins and users as SQL Server keeps them: a login name and a SID are each used once (15025, 15433), a SID is
 * binary(16) (15419); ALTER USER ... WITH LOGIN runs in the database USE named (911 missing, 927 RESTORING),
 * needs the user and the login (15151), and one login maps to one user per database (15063). DBCC CHECKDB needs an
 * ONLINE database (2520, 927) and reports a corrupt one (8939 with the 8989 summary).
 */
final class SimulatedSecurity {

    private static final int SID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SimulatedState state;

    SimulatedSecurity(SimulatedState state) {
        this.state = state;
    }

    SimulatedStep plan(SimulatedStatements.CreateLogin create) throws SimulatedRefusal {
        if (state.login(create.name()) != null) {
            throw SimulatedRefusal.of(15025, "The server principal '" + create.name() + "' already exists.");
        }
        byte[] sid = create.sid();
        if (sid != null && sid.length != SID_BYTES) {
            throw SimulatedRefusal.of(15419, "Supplied parameter sid should be binary(16).");
        }
        if (sid == null) {
            sid = new byte[SID_BYTES];
            RANDOM.nextBytes(sid);
        }
        String sidHex = HexFormat.of().withUpperCase().formatHex(sid);
        if (state.loginWithSid(sidHex).isPresent()) {
            throw SimulatedRefusal.of(15433, "Supplied parameter sid is in use.");
        }
        return () -> {
            state.logins.put(SimulatedState.key(create.name()),
                    new SimulatedLogin(create.name(), sidHex, create.checkPolicy()));
            SimulatedState.count(state.loginsCreated, create.name());
        };
    }

    SimulatedStep plan(SimulatedStatements.AlterUser alter) throws SimulatedRefusal {
        SimulatedDatabase database = usable(alter.database());
        SimulatedUser user = database == null ? null : database.user(alter.user());
        if (user == null) {
            throw SimulatedRefusal.of(15151, "Cannot alter the user '" + alter.user() + "', because it does not exist "
                    + "or you do not have permission.");
        }
        SimulatedLogin login = state.login(alter.login());
        if (login == null) {
            throw SimulatedRefusal.of(15151, "Cannot find the login '" + alter.login() + "', because it does not "
                    + "exist or you do not have permission.");
        }
        boolean mappedElsewhere = database.users.stream()
                .anyMatch(u -> u != user && u.sidHex().equalsIgnoreCase(login.sidHex()));
        if (mappedElsewhere) {
            throw SimulatedRefusal.of(15063, "The login already has an account under a different user name.");
        }
        return () -> database.users.set(database.users.indexOf(user), user.withSid(login.sidHex()));
    }

    SimulatedStep plan(SimulatedStatements.CheckDb check) throws SimulatedRefusal {
        SimulatedDatabase database = state.database(check.database());
        if (database == null) {
            throw SimulatedRefusal.of(2520, "Could not find database '" + check.database() + "'. The database either "
                    + "does not exist, or was dropped before a statement tried to use it. Verify if the database "
                    + "exists by querying the sys.databases catalog view.");
        }
        opened(database);
        if (database.corrupt) {
            throw SimulatedRefusal.of(8939, "Table error: Object ID 0, index ID -1, partition ID 0, alloc unit ID "
                    + "72057594043236352 (type In-row data), page (1:1274). Test (IS_OFF (BUF_IOERR, pBUF->bstat)) "
                    + "failed.").then(8989, "CHECKDB found 0 allocation errors and 1 consistency errors in database '"
                    + database.name + "'.");
        }
        return () -> { };
    }

    /** The database a {@code USE} switches to; master holds no users in this model. */
    private SimulatedDatabase usable(String name) throws SimulatedRefusal {
        if ("master".equalsIgnoreCase(name)) {
            return null;
        }
        SimulatedDatabase database = state.database(name);
        if (database == null) {
            throw SimulatedRefusal.of(911, "Database '" + name + "' does not exist. Make sure that the name is "
                    + "entered correctly.");
        }
        opened(database);
        return database;
    }

    static void opened(SimulatedDatabase database) throws SimulatedRefusal {
        if (database.restoring()) {
            throw SimulatedRefusal.of(927, "Database '" + database.name + "' cannot be opened. It is in the middle of "
                    + "a restore.");
        }
    }
}
