package io.wfdr.restore.windows;

/**
 * Quoting for PowerShell: every value as a single-quoted literal, {@code '} doubled (PowerShell also takes the
 * typographic quotes U+2018–U+201B as single quotes, so those are doubled too). Inside single quotes nothing is
 * expanded ({@code $}, backtick, subexpressions), so no value can change the script's meaning.
 */
public final class PowerShell {

    private PowerShell() {
    }

    public static String literal(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a null value cannot be quoted");
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && c != '\t')) {
                throw new IllegalArgumentException("a control character cannot be part of a PowerShell literal");
            }
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                quoted.append(c);
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }
}
