package io.wfdr.restore.sqlserver;

import java.util.HexFormat;

/** A database user as a backup carries it: name, SID (the production login's), type S, U or G. */
public record SimulatedUser(String name, String sidHex, String type) {

    public static SimulatedUser sql(String name, byte[] sid) {
        return new SimulatedUser(name, HexFormat.of().withUpperCase().formatHex(sid), "S");
    }

    public byte[] sid() {
        return HexFormat.of().parseHex(sidHex);
    }

    SimulatedUser withSid(String newSidHex) {
        return new SimulatedUser(name, newSidHex, type);
    }
}
