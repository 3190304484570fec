package io.wfdr.restore.sqlserver;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the statements a runbook sends into commands: the RESTORE shapes of {@link RestoreScript} with literal MOVE
 * and STOPAT values, {@code RESTORE DATABASE [n] WITH RECOVERY}, CREATE LOGIN with a SID, ALTER USER ... WITH LOGIN
 * (after an optional {@code USE [db];}) and DBCC CHECKDB. Anything else is refused as SQL Server refuses what it
 * cannot parse (102), and an undeclared variable as it refuses one (137), so a runbook that sends something
 * unexpected fails loudly.
 */
final class SimulatedStatements {

    sealed interface Command permits Restore, Recover, CreateLogin, AlterUser, CheckDb {
    }

    /** {@code checksum} is null when neither CHECKSUM nor NO_CHECKSUM is given; {@code stats} null without STATS. */
    record Restore(boolean log, String database, List<String> disks, int file, Map<String, String> moves,
            Boolean checksum, boolean recovery, boolean replace, String stopAt, Integer stats) implements Command {
    }

    record Recover(String database) implements Command {
    }

    /** {@code sid} is null when the statement gives none (SQL Server then makes one up). */
    record CreateLogin(String name, byte[] sid, boolean checkPolicy) implements Command {
    }

    /** {@code database} is the one {@code USE} named, or master. */
    record AlterUser(String database, String user, String login) implements Command {
    }

    record CheckDb(String database) implements Command {
    }

    private enum Kind { IDENTIFIER, STRING, HEX, NUMBER, WORD, VARIABLE, SYMBOL, END }

    private record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    private final List<Token> tokens;
    private int at;

    private SimulatedStatements(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Command parse(String sql) throws SimulatedRefusal {
        SimulatedStatements parser = new SimulatedStatements(tokenize(withStopAtDeclared(sql)));
        Command command = parser.command();
        parser.optional(";");
        parser.expectEnd();
        return command;
    }

    /**
     * The runbook sends a log's STOPAT as a variable declared in the same batch (its UTC point at the server's
     * offset, computed on the server); SQL Server takes a variable there, so the double reads the declared value.
     */
    private static String withStopAtDeclared(String sql) {
        String declare = "DECLARE @stopat datetime2 = ";
        if (!sql.startsWith(declare)) {
            return sql;
        }
        int end = sql.indexOf(";\n");
        java.util.regex.Matcher point = java.util.regex.Pattern.compile("CAST\\((N'[^']*')").matcher(sql);
        if (end < 0 || !point.find() || point.start() > end) {
            return sql;
        }
        return sql.substring(end + 2).replace("STOPAT = @stopat", "STOPAT = " + point.group(1));
    }

    private Command command() throws SimulatedRefusal {
        if (optional("USE")) {
            String database = identifier();
            expect(";");
            expectWord("ALTER");
            return alterUser(database);
        }
        if (optional("RESTORE")) {
            return restore();
        }
        if (optional("CREATE")) {
            expectWord("LOGIN");
            return createLogin();
        }
        if (optional("ALTER")) {
            return alterUser("master");
        }
        if (optional("DBCC")) {
            return checkDb();
        }
        throw syntaxError();
    }

    private Command restore() throws SimulatedRefusal {
        boolean log = optional("LOG");
        if (!log) {
            expectWord("DATABASE");
        }
        String database = identifier();
        if (!log && optional("WITH")) {
            expectWord("RECOVERY");
            return new Recover(database);
        }
        expectWord("FROM");
        List<String> disks = new ArrayList<>();
        do {
            expectWord("DISK");
            expect("=");
            disks.add(string());
        } while (optional(","));
        return restoreOptions(log, database, disks);
    }

    private Restore restoreOptions(boolean log, String database, List<String> disks) throws SimulatedRefusal {
        int file = 1;
        Map<String, String> moves = new LinkedHashMap<>();
        Boolean checksum = null;
        boolean recovery = true;
        boolean replace = false;
        String stopAt = null;
        Integer stats = null;
        if (optional("WITH")) {
            do {
                if (optional("FILE")) {
                    expect("=");
                    file = number();
                } else if (optional("MOVE")) {
                    String logical = string();
                    expectWord("TO");
                    moves.put(logical, string());
                } else if (optional("CHECKSUM")) {
                    checksum = true;
                } else if (optional("NO_CHECKSUM")) {
                    checksum = false;
                } else if (optional("NORECOVERY")) {
                    recovery = false;
                } else if (optional("RECOVERY")) {
                    recovery = true;
                } else if (optional("REPLACE")) {
                    replace = true;
                } else if (optional("STOPAT")) {
                    expect("=");
                    stopAt = string();
                } else if (optional("STATS")) {
                    stats = optional("=") ? number() : 10;
                } else {
                    throw syntaxError();
                }
            } while (optional(","));
        }
        return new Restore(log, database, List.copyOf(disks), file, moves, checksum, recovery, replace, stopAt, stats);
    }

    private CreateLogin createLogin() throws SimulatedRefusal {
        String name = identifier();
        expectWord("WITH");
        expectWord("PASSWORD");
        expect("=");
        if (peek().kind == Kind.HEX) {
            next();
            expectWord("HASHED");
        } else {
            string();
        }
        byte[] sid = null;
        boolean checkPolicy = true;
        while (optional(",")) {
            if (optional("SID")) {
                expect("=");
                sid = hex();
            } else if (optional("CHECK_POLICY")) {
                expect("=");
                checkPolicy = onOff();
            } else if (optional("CHECK_EXPIRATION")) {
                expect("=");
                onOff();
            } else if (optional("DEFAULT_DATABASE")) {
                expect("=");
                identifier();
            } else {
                throw syntaxError();
            }
        }
        return new CreateLogin(name, sid, checkPolicy);
    }

    private AlterUser alterUser(String database) throws SimulatedRefusal {
        expectWord("USER");
        String user = identifier();
        expectWord("WITH");
        expectWord("LOGIN");
        expect("=");
        return new AlterUser(database, user, identifier());
    }

    private CheckDb checkDb() throws SimulatedRefusal {
        expectWord("CHECKDB");
        expect("(");
        String database = peek().kind == Kind.STRING ? string() : identifier();
        expect(")");
        if (optional("WITH")) {
            do {
                if (!optional("PHYSICAL_ONLY") && !optional("NO_INFOMSGS") && !optional("ALL_ERRORMSGS")) {
                    throw syntaxError();
                }
            } while (optional(","));
        }
        return new CheckDb(database);
    }

    private boolean onOff() throws SimulatedRefusal {
        if (optional("ON")) {
            return true;
        }
        expectWord("OFF");
        return false;
    }

    private String identifier() throws SimulatedRefusal {
        Token token = peek();
        if (token.kind != Kind.IDENTIFIER && token.kind != Kind.WORD) {
            throw unexpected(token);
        }
        return next().text;
    }

    private String string() throws SimulatedRefusal {
        Token token = peek();
        if (token.kind != Kind.STRING) {
            throw unexpected(token);
        }
        return next().text;
    }

    private int number() throws SimulatedRefusal {
        Token token = peek();
        if (token.kind != Kind.NUMBER) {
            throw unexpected(token);
        }
        return Integer.parseInt(next().text);
    }

    private byte[] hex() throws SimulatedRefusal {
        Token token = peek();
        if (token.kind != Kind.HEX) {
            throw unexpected(token);
        }
        return HexFormat.of().parseHex(next().text.substring(2));
    }

    private boolean optional(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) throws SimulatedRefusal {
        if (!optional(word)) {
            throw unexpected(peek());
        }
    }

    private void expect(String symbol) throws SimulatedRefusal {
        expectWord(symbol);
    }

    private void expectEnd() throws SimulatedRefusal {
        if (peek().kind != Kind.END) {
            throw unexpected(peek());
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private SimulatedRefusal syntaxError() {
        return unexpected(peek());
    }

    private static SimulatedRefusal unexpected(Token token) {
        if (token.kind == Kind.VARIABLE) {
            return SimulatedRefusal.of(137, "Must declare the scalar variable \"" + token.text + "\".");
        }
        return SimulatedRefusal.of(102, "Incorrect syntax near '" + (token.kind == Kind.END ? "" : token.text) + "'.");
    }

    private static List<Token> tokenize(String sql) throws SimulatedRefusal {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '[') {
                i = quoted(sql, i + 1, ']', Kind.IDENTIFIER, tokens);
            } else if ((c == 'N' || c == 'n') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i = quoted(sql, i + 2, '\'', Kind.STRING, tokens);
            } else if (c == '\'') {
                i = quoted(sql, i + 1, '\'', Kind.STRING, tokens);
            } else if (sql.startsWith("0x", i) || sql.startsWith("0X", i)) {
                i = run(sql, i, i + 2, ch -> Character.digit(ch, 16) >= 0, Kind.HEX, tokens);
            } else if (Character.isDigit(c)) {
                i = run(sql, i, i, Character::isDigit, Kind.NUMBER, tokens);
            } else if (c == '@') {
                i = run(sql, i, i + 1, ch -> Character.isLetterOrDigit(ch) || ch == '_', Kind.VARIABLE, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                i = run(sql, i, i, ch -> Character.isLetterOrDigit(ch) || ch == '_', Kind.WORD, tokens);
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    /** A quoted token ends at a lone closing character; a doubled one stands for itself. */
    private static int quoted(String sql, int from, char close, Kind kind, List<Token> tokens)
            throws SimulatedRefusal {
        StringBuilder text = new StringBuilder();
        int i = from;
        while (true) {
            if (i >= sql.length()) {
                throw SimulatedRefusal.of(105, "Unclosed quotation mark after the character string '" + text + "'.");
            }
            char c = sql.charAt(i);
            if (c == close && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                text.append(c);
                i += 2;
            } else if (c == close) {
                tokens.add(new Token(kind, text.toString()));
                return i + 1;
            } else {
                text.append(c);
                i++;
            }
        }
    }

    private static int run(String sql, int start, int from, java.util.function.IntPredicate part, Kind kind,
            List<Token> tokens) {
        int i = from;
        while (i < sql.length() && part.test(sql.charAt(i))) {
            i++;
        }
        String text = sql.substring(start, i);
        tokens.add(new Token(kind, kind == Kind.HEX ? "0x" + text.substring(2).toUpperCase(Locale.ROOT) : text));
        return i;
    }
}
