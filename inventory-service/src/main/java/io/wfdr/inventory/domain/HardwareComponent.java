package io.wfdr.inventory.domain;

/** The measured rows of the guide's hardware tables. */
public enum HardwareComponent {
    PROCESSOR_CORES("cores"),
    PROCESSOR_CLOCK_GHZ("GHz"),
    MEMORY_GB("GB"),
    DISK_GB("GB");

    public final String unit;

    HardwareComponent(String unit) {
        this.unit = unit;
    }
}
