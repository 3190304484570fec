package io.wfdr.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guide's requirement tables, rule by rule. The tables here are the ones the V2 migration stores. */
class ComplianceRulesTest {

    private final RequirementTables tables = guideTables();

    @Test
    void twoProcessorsOfThreeGhzDualCoreFourGbAndOneHundredGbNtfsIsRecommended() {
        ComplianceReport report = ComplianceRules.evaluate(server(), tables);
        assertEquals(ComplianceLevel.RECOMMENDED, report.level(), report.toString());
    }

    @Test
    void processorBelowTwoPointFiveGhzIsBelowMinimum() {
        Server server = server();
        server.clockGhz = new BigDecimal("2.4");
        assertLevel(server, ComplianceLevel.BELOW_MINIMUM, "PROCESSOR_CLOCK_GHZ");
    }

    @Test
    void processorBetweenMinimumAndRecommendedClockIsMinimum() {
        Server server = server();
        server.clockGhz = new BigDecimal("2.5");
        assertLevel(server, ComplianceLevel.MINIMUM, "PROCESSOR_CLOCK_GHZ");
    }

    @Test
    void fewerThanTwoDualCoreProcessorsIsBelowMinimum() {
        Server server = server();
        server.cpuSockets = 1;
        assertLevel(server, ComplianceLevel.BELOW_MINIMUM, "PROCESSOR_CORES");
    }

    @Test
    void memoryBelowThreeGbIsBelowMinimum() {
        Server server = server();
        server.memoryGb = new BigDecimal("2");
        assertLevel(server, ComplianceLevel.BELOW_MINIMUM, "MEMORY_GB");
    }

    @Test
    void memoryOfThreeGbMeetsOnlyTheMinimum() {
        Server server = server();
        server.memoryGb = new BigDecimal("3");
        assertLevel(server, ComplianceLevel.MINIMUM, "MEMORY_GB");
    }

    @Test
    void diskBelowThirtyGbIsBelowMinimum() {
        Server server = server();
        server.diskGb = new BigDecimal("29");
        assertLevel(server, ComplianceLevel.BELOW_MINIMUM, "DISK_GB");
    }

    @Test
    void diskBetweenThirtyAndOneHundredGbMeetsOnlyTheMinimum() {
        Server server = server();
        server.diskGb = new BigDecimal("60");
        assertLevel(server, ComplianceLevel.MINIMUM, "DISK_GB");
    }

    @Test
    void fatPartitionsAreNotSupported() {
        Server server = server();
        server.fileSystem = FileSystem.FAT32;
        ComplianceReport report = assertLevel(server, ComplianceLevel.UNSUPPORTED, "FILE_SYSTEM");
        assertTrue(finding(report, "FILE_SYSTEM").detail().contains("FAT partitions are not supported"));
    }

    @Test
    void operatingSystemNotInTheGuideIsUnsupported() {
        Server server = server();
        server.osName = "Windows Server 2012";
        assertLevel(server, ComplianceLevel.UNSUPPORTED, "OPERATING_SYSTEM");
    }

    @Test
    void windowsServer2016NeedsServicePackR2Sp2() {
        Server server = server();
        server.osName = "Windows Server 2016";
        server.osServicePack = "R2";
        assertLevel(server, ComplianceLevel.UNSUPPORTED, "OPERATING_SYSTEM");
        server.osServicePack = "r2  sp2";
        server.installedUpdates = "KB828741";
        ComplianceReport report = ComplianceRules.evaluate(server, tables);
        assertEquals(ComplianceLevel.RECOMMENDED, finding(report, "OPERATING_SYSTEM").level());
        assertTrue(finding(report, "OPERATING_SYSTEM").detail().contains("KB828741"));
    }

    @Test
    void windowsServer2016IsSupportedOnlyWithTheRpcDcomUpdateKb828741() {
        Server server = server();
        server.osName = "Windows Server 2016 Datacenter";
        server.osServicePack = "R2 SP2";
        server.installedUpdates = "KB4012212";
        ComplianceReport report = assertLevel(server, ComplianceLevel.UNSUPPORTED, "OPERATING_SYSTEM");
        assertTrue(finding(report, "OPERATING_SYSTEM").detail().contains("not recorded as installed"), report.toString());
        server.installedUpdates = "KB4012212,KB828741";
        assertEquals(ComplianceLevel.RECOMMENDED, finding(ComplianceRules.evaluate(server, tables), "OPERATING_SYSTEM")
                .level());
    }

    @Test
    void theWorkflowWebServerNeedsInternetExplorerNineOrElevenThirtyTwoBit() {
        Server web = server();
        web.roles = EnumSet.of(ServerRole.WORKFLOW_WEB_SERVER);
        assertLevel(web, ComplianceLevel.UNSUPPORTED, "BROWSER");
        web.browser = "Internet Explorer 11 (32-bit)";
        assertEquals(ComplianceLevel.RECOMMENDED, finding(ComplianceRules.evaluate(web, tables), "BROWSER").level());
        web.browser = "IE 9.0.8112 x86";
        assertEquals(ComplianceLevel.RECOMMENDED, finding(ComplianceRules.evaluate(web, tables), "BROWSER").level());
        web.browser = "Internet Explorer 11 64-bit";
        assertTrue(assertLevel(web, ComplianceLevel.UNSUPPORTED, "BROWSER").toString().contains("32-bit browsers only"));
        web.browser = "Internet Explorer 10 (32-bit)";
        assertLevel(web, ComplianceLevel.UNSUPPORTED, "BROWSER");
        web.browser = "Internet Explorer 11";
        assertTrue(assertLevel(web, ComplianceLevel.UNSUPPORTED, "BROWSER").toString().contains("say 32-bit"));
        assertTrue(ComplianceRules.evaluate(server(), tables).findings().stream()
                .noneMatch(f -> f.requirement().equals("BROWSER")), "only the Workflow Web Server has a browser row");
    }

    @Test
    void sqlServer2016NeedsServicePackOneOrTwo() {
        Server server = databaseServer("SQL Server 2016", "");
        assertLevel(server, ComplianceLevel.UNSUPPORTED, "SQL_SERVER");
        server.sqlServerServicePack = "SP1";
        assertEquals(ComplianceLevel.RECOMMENDED, ComplianceRules.evaluate(server, tables).level());
        server.sqlServerServicePack = "SP2";
        assertEquals(ComplianceLevel.RECOMMENDED, ComplianceRules.evaluate(server, tables).level());
    }

    @Test
    void sqlServer2019NeedsNoServicePack() {
        assertEquals(ComplianceLevel.RECOMMENDED,
                ComplianceRules.evaluate(databaseServer("SQL Server 2019", "None"), tables).level());
    }

    @Test
    void whatADbaPastesIsReadForTheProductAndServicePackNotMatchedWordForWord() {
        Server server = server();
        server.osName = "Microsoft Windows Server 2019 Standard (x64)";
        ComplianceReport report = ComplianceRules.evaluate(server, tables);
        assertEquals(ComplianceLevel.RECOMMENDED, finding(report, "OPERATING_SYSTEM").level(), report.toString());
        assertTrue(finding(report, "OPERATING_SYSTEM").detail().contains("Standard edition"), report.toString());

        assertSql(ComplianceLevel.RECOMMENDED, "Microsoft SQL Server 2019 (RTM-CU18) (KB5017593) - 15.0.4261.1 (X64)"
                + " Sep 12 2022 15:07:06 Copyright (C) 2019 Microsoft Corporation Standard Edition (64-bit)", "");
        assertSql(ComplianceLevel.RECOMMENDED, "15.0.4261.1", null);
        assertSql(ComplianceLevel.RECOMMENDED, "Microsoft SQL Server 2019", "CU18");
        assertSql(ComplianceLevel.RECOMMENDED, "13.0.5026.0", null);
        assertSql(ComplianceLevel.RECOMMENDED, "Microsoft SQL Server 2016 (SP1-CU15-GDR) (KB4505219) - 13.0.4604.0",
                null);
        assertSql(ComplianceLevel.RECOMMENDED, "SQL Server 2016", "Service Pack 2");
    }

    @Test
    void aPastedVersionTheGuideDoesNotListSaysHowItWasRead() {
        ComplianceReport rtm = assertSql(ComplianceLevel.UNSUPPORTED, "13.0.2197.0", null);
        assertTrue(finding(rtm, "SQL_SERVER").detail().contains("SQL Server 2016 build 13.0.2197.0, no service pack"),
                rtm.toString());
        ComplianceReport sp3 = assertSql(ComplianceLevel.UNSUPPORTED, "13.0.6300.2", null);
        assertTrue(finding(sp3, "SQL_SERVER").detail().contains("SP3"), sp3.toString());
        ComplianceReport newer = assertSql(ComplianceLevel.UNSUPPORTED, "Microsoft SQL Server 2017 (RTM-CU31)", null);
        assertTrue(finding(newer, "SQL_SERVER").detail().contains("read as SQL Server 2017"), newer.toString());
        Server unknown = server();
        unknown.osName = "Ubuntu 22.04";
        ComplianceReport report = assertLevel(unknown, ComplianceLevel.UNSUPPORTED, "OPERATING_SYSTEM");
        assertTrue(finding(report, "OPERATING_SYSTEM").detail().contains("not recognised as a Windows Server"),
                report.toString());
    }

    private ComplianceReport assertSql(ComplianceLevel level, String version, String servicePack) {
        ComplianceReport report = ComplianceRules.evaluate(databaseServer(version, servicePack), tables);
        assertEquals(level, finding(report, "SQL_SERVER").level(), report.toString());
        return report;
    }

    @Test
    void sqlServerIsCheckedOnlyOnDatabaseServers() {
        ComplianceReport report = ComplianceRules.evaluate(server(), tables);
        assertTrue(report.findings().stream().noneMatch(f -> f.requirement().equals("SQL_SERVER")));
    }

    @Test
    void theWorstFindingDecidesAndEveryReasonIsListed() {
        Server server = server();
        server.memoryGb = new BigDecimal("3");
        server.diskGb = new BigDecimal("10");
        server.fileSystem = FileSystem.FAT;
        ComplianceReport report = ComplianceRules.evaluate(server, tables);
        assertEquals(ComplianceLevel.UNSUPPORTED, report.level());
        assertEquals(ComplianceLevel.MINIMUM, finding(report, "MEMORY_GB").level());
        assertEquals(ComplianceLevel.BELOW_MINIMUM, finding(report, "DISK_GB").level());
    }

    private ComplianceReport assertLevel(Server server, ComplianceLevel level, String requirement) {
        ComplianceReport report = ComplianceRules.evaluate(server, tables);
        assertEquals(level, report.level(), report.toString());
        assertEquals(level, finding(report, requirement).level(), report.toString());
        return report;
    }

    private static ComplianceReport.Finding finding(ComplianceReport report, String requirement) {
        return report.findings().stream().filter(f -> f.requirement().equals(requirement)).findFirst()
                .orElseThrow();
    }

    static Server server() {
        Server server = new Server();
        server.id = "s1";
        server.name = "WFPROD01";
        server.roles = EnumSet.of(ServerRole.WORKFLOW_IPROCESS_ENGINE);
        server.cpuSockets = 2;
        server.coresPerSocket = 2;
        server.clockGhz = new BigDecimal("3.0");
        server.memoryGb = new BigDecimal("4");
        server.diskGb = new BigDecimal("100");
        server.fileSystem = FileSystem.NTFS;
        server.osName = "Windows Server 2019";
        server.osServicePack = "R2";
        return server;
    }

    private static Server databaseServer(String version, String servicePack) {
        Server server = server();
        server.roles = EnumSet.of(ServerRole.DATABASE_SERVER);
        server.sqlServerVersion = version;
        server.sqlServerServicePack = servicePack;
        return server;
    }

    static RequirementTables guideTables() {
        List<HardwareRequirement> hardware = new ArrayList<>();
        for (ServerRole role : ServerRole.values()) {
            hardware.add(requirement(role, HardwareComponent.PROCESSOR_CORES, "4", "4"));
            hardware.add(requirement(role, HardwareComponent.PROCESSOR_CLOCK_GHZ, "2.5", "3.0"));
            hardware.add(requirement(role, HardwareComponent.MEMORY_GB, "3", "4"));
            hardware.add(requirement(role, HardwareComponent.DISK_GB, "30", "100"));
        }
        List<SupportedPlatform> platforms = List.of(
                platform(SupportedPlatform.Kind.FILE_SYSTEM, "NTFS", "", null),
                platform(SupportedPlatform.Kind.OPERATING_SYSTEM, "Windows Server 2016", "R2 SP2",
                        "MS04-012: Cumulative Update for Microsoft RPC/DCOM (KB828741)"),
                platform(SupportedPlatform.Kind.OPERATING_SYSTEM, "Windows Server 2019", "R2", null),
                platform(SupportedPlatform.Kind.SQL_SERVER, "SQL Server 2016", "SP1", null),
                platform(SupportedPlatform.Kind.SQL_SERVER, "SQL Server 2016", "SP2", null),
                platform(SupportedPlatform.Kind.SQL_SERVER, "SQL Server 2019", "", null),
                platform(SupportedPlatform.Kind.BROWSER, "Internet Explorer 9", "", "32-bit browsers only"),
                platform(SupportedPlatform.Kind.BROWSER, "Internet Explorer 11", "", "32-bit browsers only"));
        return new RequirementTables(hardware, platforms);
    }

    private static HardwareRequirement requirement(ServerRole role, HardwareComponent component, String min,
            String recommended) {
        HardwareRequirement r = new HardwareRequirement();
        r.role = role;
        r.component = component;
        r.minimum = new BigDecimal(min);
        r.recommended = new BigDecimal(recommended);
        return r;
    }

    private static SupportedPlatform platform(SupportedPlatform.Kind kind, String product, String sp, String extra) {
        SupportedPlatform p = new SupportedPlatform();
        p.kind = kind;
        p.product = product;
        p.servicePack = sp;
        p.additionalRequirement = extra;
        return p;
    }
}
