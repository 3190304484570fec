package io.wfdr.spine.tsql;

/**
 * Quoting for T-SQL: every identifier as {@code [name]} with {@code ]} doubled, every literal as {@code N'text'}
 * with {@code '} doubled. Nothing a caller sends can end the quoted token early, so nothing can change the meaning
 * of the statement.
 */
public final class TSql {

    private TSql() {
    }

    public static String identifier(String name) {
        requireText(name, "identifier");
        if (name.length() > 128) {
            throw new IllegalArgumentException("a SQL Server identifier has at most 128 characters: " + name);
        }
        return "[" + name.replace("]", "]]") + "]";
    }

    public static String literal(String text) {
        requireText(text, "literal");
        return "N'" + text.replace("'", "''") + "'";
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an empty " + what + " cannot be quoted");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && c != '\t')) {
                throw new IllegalArgumentException("a control character cannot be part of a T-SQL " + what);
            }
        }
    }
}
