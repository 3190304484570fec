package io.wfdr.restore.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads single-quoted literals back the way PowerShell's tokenizer does: any of {@code ' ‘ ’ ‚ ‛} opens and closes
 * one, and two of them in a row stand for one. Strict about the assignments FakeWindows reads, so a value that was
 * not quoted, or quoted wrongly, shows up as a parse error instead of a silently different value.
 */
final class PowerShellLiterals {

    private PowerShellLiterals() {
    }

    static boolean isQuote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B');
    }

    /** The literal of {@code $variable = '...'} in the script. */
    static String scalar(String script, String variable) {
        String rest = assignment(script, variable);
        Parsed parsed = parse(rest, 0);
        if (parsed.end != rest.length()) {
            throw new IllegalArgumentException("$" + variable + " is not one literal: " + rest);
        }
        return parsed.value;
    }

    /** The literals of {@code $variable = @('...', '...')} in the script. */
    static List<String> list(String script, String variable) {
        String rest = assignment(script, variable);
        if (!rest.startsWith("@(") || !rest.endsWith(")")) {
            throw new IllegalArgumentException("$" + variable + " is not a list: " + rest);
        }
        String inner = rest.substring(2, rest.length() - 1);
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < inner.length()) {
            Parsed parsed = parse(inner, i);
            values.add(parsed.value);
            i = parsed.end;
            if (i < inner.length()) {
                if (!inner.startsWith(", ", i)) {
                    throw new IllegalArgumentException("$" + variable + " is not a list of literals: " + rest);
                }
                i += 2;
            }
        }
        return values;
    }

    /** The line {@code $variable = ...} of the script, after the {@code =}. */
    static String assignment(String script, String variable) {
        String prefix = "$" + variable + " = ";
        List<String> found = script.lines().filter(line -> line.startsWith(prefix)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("the script assigns $" + variable + " " + found.size() + " times");
        }
        return found.get(0).substring(prefix.length());
    }

    /** Parses the literal that starts at {@code start}. */
    static Parsed parse(String text, int start) {
        if (start >= text.length() || !isQuote(text.charAt(start))) {
            throw new IllegalArgumentException("no literal at " + start + " of: " + text);
        }
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                if (i + 1 < text.length() && isQuote(text.charAt(i + 1))) {
                    value.append(c);
                    i += 2;
                    continue;
                }
                return new Parsed(value.toString(), i + 1);
            }
            value.append(c);
            i++;
        }
        throw new IllegalArgumentException("an unterminated literal: " + text.substring(start));
    }

    record Parsed(String value, int end) {
    }
}
