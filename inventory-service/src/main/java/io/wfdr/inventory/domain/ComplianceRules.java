package io.wfdr.inventory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures a server against the guide's requirement tables. Hardware below the minimum is BELOW_MINIMUM;
 * a FAT partition, an operating system or a SQL Server / service pack the guide does not list is UNSUPPORTED
 * (read from what people paste, see {@link PlatformReading});
 * everything at or above the recommended values is RECOMMENDED. The server's level is its worst finding.
 */
public final class ComplianceRules {

    private static final Pattern KB = Pattern.compile("(?i)KB\\d+");

    private ComplianceRules() {
    }

    public static ComplianceReport evaluate(Server server, RequirementTables tables) {
        List<ComplianceReport.Finding> findings = new ArrayList<>();
        for (HardwareComponent component : HardwareComponent.values()) {
            tables.strictest(server, component)
                    .ifPresent(requirement -> findings.add(hardware(server, requirement)));
        }
        findings.add(fileSystem(server, tables));
        findings.add(operatingSystem(server, tables));
        if (server.isDatabaseServer()) {
            findings.add(sqlServer(server, tables));
        }
        if (server.hasRole(ServerRole.WORKFLOW_WEB_SERVER)) {
            findings.add(browser(server, tables));
        }
        ComplianceLevel level = findings.stream().map(ComplianceReport.Finding::level)
                .max(Comparator.naturalOrder()).orElse(ComplianceLevel.RECOMMENDED);
        return new ComplianceReport(server.id, server.name, level, findings);
    }

    static ComplianceReport.Finding hardware(Server server, HardwareRequirement requirement) {
        HardwareComponent component = requirement.component;
        BigDecimal value = RequirementTables.valueOf(server, component);
        String name = component.name();
        if (value == null) {
            return new ComplianceReport.Finding(name, ComplianceLevel.BELOW_MINIMUM,
                    "not recorded; the minimum is " + plain(requirement.minimum) + " " + component.unit);
        }
        String has = "has " + plain(value) + " " + component.unit;
        if (value.compareTo(requirement.minimum) < 0) {
            return new ComplianceReport.Finding(name, ComplianceLevel.BELOW_MINIMUM,
                    has + ", below the minimum of " + plain(requirement.minimum));
        }
        if (value.compareTo(requirement.recommended) < 0) {
            return new ComplianceReport.Finding(name, ComplianceLevel.MINIMUM,
                    has + ": meets the minimum of " + plain(requirement.minimum) + ", below the recommended "
                            + plain(requirement.recommended));
        }
        return new ComplianceReport.Finding(name, ComplianceLevel.RECOMMENDED,
                has + ": meets the recommended " + plain(requirement.recommended));
    }

    static ComplianceReport.Finding fileSystem(Server server, RequirementTables tables) {
        List<SupportedPlatform> supported = tables.of(SupportedPlatform.Kind.FILE_SYSTEM);
        String allowed = supported.stream().map(p -> p.product).collect(Collectors.joining(", "));
        if (server.fileSystem == null) {
            return new ComplianceReport.Finding("FILE_SYSTEM", ComplianceLevel.UNSUPPORTED,
                    "not recorded; the TRANSFLO system needs " + allowed);
        }
        boolean ok = supported.stream().anyMatch(p -> p.matches(server.fileSystem.name(), ""));
        if (!ok) {
            String why = server.fileSystem.name().startsWith("FAT") ? "FAT partitions are not supported"
                    : server.fileSystem + " is not supported";
            return new ComplianceReport.Finding("FILE_SYSTEM", ComplianceLevel.UNSUPPORTED,
                    why + " by the TRANSFLO system; use " + allowed);
        }
        return new ComplianceReport.Finding("FILE_SYSTEM", ComplianceLevel.RECOMMENDED, server.fileSystem.name());
    }

    static ComplianceReport.Finding operatingSystem(Server server, RequirementTables tables) {
        return platform("OPERATING_SYSTEM", server.osName,
                PlatformReading.ofOperatingSystem(server.osName, server.osServicePack),
                tables.of(SupportedPlatform.Kind.OPERATING_SYSTEM), server.updates());
    }

    static ComplianceReport.Finding sqlServer(Server server, RequirementTables tables) {
        return platform("SQL_SERVER", server.sqlServerVersion,
                PlatformReading.ofSqlServer(server.sqlServerVersion, server.sqlServerServicePack),
                tables.of(SupportedPlatform.Kind.SQL_SERVER), server.updates());
    }

    /** The guide's browser table, for the Workflow Web Server: Internet Explorer 9.0 or 11.0, 32-bit only. */
    static ComplianceReport.Finding browser(Server server, RequirementTables tables) {
        List<SupportedPlatform> supported = tables.of(SupportedPlatform.Kind.BROWSER);
        String listed = supported.stream().map(p -> p.product).collect(Collectors.joining(" or "))
                + ", 32-bit";
        if (server.browser == null || server.browser.isBlank()) {
            return new ComplianceReport.Finding("BROWSER", ComplianceLevel.UNSUPPORTED,
                    "not recorded; the Workflow Web Server needs " + listed);
        }
        PlatformReading reading = PlatformReading.ofBrowser(server.browser);
        String understood = "\"" + server.browser + "\" read as " + reading.understood();
        boolean listedProduct = supported.stream().anyMatch(p -> p.matches(reading.product(), ""));
        if (!listedProduct) {
            return new ComplianceReport.Finding("BROWSER", ComplianceLevel.UNSUPPORTED,
                    understood + ": not supported; supported: " + listed);
        }
        if (!Integer.valueOf(32).equals(reading.bits())) {
            return new ComplianceReport.Finding("BROWSER", ComplianceLevel.UNSUPPORTED, understood
                    + ": the guide supports 32-bit browsers only" + (reading.bits() == null ? "; say 32-bit" : ""));
        }
        return new ComplianceReport.Finding("BROWSER", ComplianceLevel.RECOMMENDED, understood);
    }

    /** Matched on what the pasted text means (product and service pack level), not on its exact words. */
    private static ComplianceReport.Finding platform(String requirement, String given, PlatformReading reading,
            List<SupportedPlatform> supported, List<String> updates) {
        String listed = supported.stream().map(ComplianceRules::describe).collect(Collectors.joining("; "));
        if (given == null || given.isBlank()) {
            return new ComplianceReport.Finding(requirement, ComplianceLevel.UNSUPPORTED,
                    "not recorded; supported: " + listed);
        }
        String understood = "\"" + given + "\" read as " + reading.understood();
        return supported.stream().filter(p -> p.matches(reading.product(), reading.servicePack())).findFirst()
                .map(p -> withUpdate(requirement, p, describe(p) + " (" + understood + ")", updates))
                .orElseGet(() -> new ComplianceReport.Finding(requirement, ComplianceLevel.UNSUPPORTED,
                        understood + ": not supported; supported: " + listed));
    }

    /** A supported platform whose row names a Windows update (MS04-012, KB828741) is supported only with it. */
    private static ComplianceReport.Finding withUpdate(String requirement, SupportedPlatform platform,
            String described, List<String> updates) {
        if (platform.additionalRequirement == null) {
            return new ComplianceReport.Finding(requirement, ComplianceLevel.RECOMMENDED, described);
        }
        Matcher kb = KB.matcher(platform.additionalRequirement);
        if (kb.find() && !updates.contains(kb.group().toUpperCase(Locale.ROOT))) {
            return new ComplianceReport.Finding(requirement, ComplianceLevel.UNSUPPORTED, described + " also needs "
                    + platform.additionalRequirement + ", which is not recorded as installed (software.updates)");
        }
        return new ComplianceReport.Finding(requirement, ComplianceLevel.RECOMMENDED, described + "; with "
                + platform.additionalRequirement);
    }

    private static String describe(SupportedPlatform platform) {
        return platform.product + describeServicePack(platform.servicePack);
    }

    private static String describeServicePack(String servicePack) {
        return servicePack == null || SupportedPlatform.normalize(servicePack).isEmpty() ? " (no service pack)"
                : " " + servicePack;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
