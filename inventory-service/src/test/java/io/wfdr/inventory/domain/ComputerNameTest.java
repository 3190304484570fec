package io.wfdr.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComputerNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"WFPROD01", "tf-dr-01", "SQL2019A", "A", "ABCDEFGHIJKLMNO"})
    void windowsAcceptsTheseComputerNames(String name) {
        assertTrue(ComputerName.problemWith(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDEFGHIJKLMNOP", "WF PROD", "WF_PROD", "wf.prod", "12345", "-WFPROD", "WFPROD-",
            "WF*PROD", "ÄRZTE01"})
    void windowsRefusesTheseComputerNames(String name) {
        assertTrue(ComputerName.problemWith(name).isPresent(), name);
    }
}
