package io.wfdr.restore.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** PowerShell.literal: whatever the value, PowerShell reads back the same text and expands nothing. */
class PowerShellLiteralTest {

    @Test
    void aPlainValueIsSingleQuoted() {
        assertEquals("'TFLOWF_DR'", PowerShell.literal("TFLOWF_DR"));
        assertEquals("''", PowerShell.literal(""));
    }

    @Test
    void aSingleQuoteIsDoubled() {
        assertEquals("'O''Brien'", PowerShell.literal("O'Brien"));
    }

    @Test
    void theTypographicQuotesPowerShellAlsoTakesAsSingleQuotesAreDoubledToo() {
        assertEquals("'a‘‘b’’c‚‚d‛‛e'", PowerShell.literal("a‘b’c‚d‛e"));
    }

    @Test
    void dollarsBackticksDoubleQuotesAndSubexpressionsAreLeftAsTheyAreBecauseNothingIsExpandedInside() {
        String value = "$env:PATH `n \"$(Stop-Computer)\" @{}";
        assertEquals("'" + value + "'", PowerShell.literal(value));
    }

    @Test
    void everyValueReadsBackAsTheSameText() {
        List<String> values = List.of("", "'", "''", "‘", "’'", "'‛", "a'b’c", "x''‘‘", "tab\there", "ü € 𝄞",
                "end with quote'", "’", "$(calc)'; Remove-Item C:\\ -Recurse; '");
        for (String value : values) {
            String literal = PowerShell.literal(value);
            PowerShellLiterals.Parsed parsed = PowerShellLiterals.parse(literal, 0);
            assertEquals(value, parsed.value(), literal);
            assertEquals(literal.length(), parsed.end(), () -> "the literal of " + value + " ends early: " + literal);
        }
    }

    @Test
    void aLineBreakOrOtherControlCharacterIsRefused() {
        for (String value : List.of("a\nb", "a\rb", "nul\0", "bell\u0007", "next\u0085line")) {
            assertThrows(IllegalArgumentException.class, () -> PowerShell.literal(value), value);
        }
    }

    @Test
    void nullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PowerShell.literal(null));
    }
}
