package io.wfdr.inventory.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pasted product description says, in the terms of the guide's tables: the product ({@code Windows Server
 * 2019}, {@code SQL Server 2016}) and its service pack level, and in words how it was understood. DBAs paste what
 * Windows and SQL Server show: an edition name ("Windows Server 2019 Standard"), {@code SELECT @@VERSION}
 * ("Microsoft SQL Server 2019 (RTM-CU18) (KB5017593) - 15.0.4261.1 (X64) …") or
 * {@code SERVERPROPERTY('ProductVersion')} ("13.0.5026.0").
 *
 * @param product     the product as the tables name it, or the text as given when it was not recognised
 * @param servicePack the service pack level as the tables write it (SP2, R2 SP2), empty for none
 * @param recognised  whether the text named a product the reading knows
 * @param bits        32 or 64 where the text says (a browser's), else null
 */
public record PlatformReading(String product, String servicePack, boolean recognised, String understood,
        Integer bits) {

    private static final Pattern WINDOWS = Pattern.compile("(?i)windows\\s+server\\s+(\\d{4})(\\s+R2)?");
    private static final Pattern WINDOWS_EDITION = Pattern.compile(
            "(?i)\\b(Standard|Datacenter|Essentials|Enterprise|Foundation|Web|Evaluation)\\b");
    private static final Pattern SQL_NAME = Pattern.compile("(?i)sql\\s+server\\s+(\\d{4})");
    private static final Pattern SQL_BUILD = Pattern.compile("\\b(\\d{2})\\.(\\d+)\\.(\\d{3,5})(?:\\.\\d+)?\\b");
    private static final Pattern SQL_LEVEL = Pattern.compile("(?i)\\((RTM|SP\\d)(?:-(?:CU|GDR)[^)]*)?\\)");
    private static final Pattern INTERNET_EXPLORER = Pattern.compile("(?i)\\b(?:internet\\s+explorer|IE)\\s*(\\d+)");
    private static final Pattern BITS_32 = Pattern.compile("(?i)\\b32[- ]?bits?\\b|\\bx86\\b");
    private static final Pattern BITS_64 = Pattern.compile("(?i)\\b64[- ]?bits?\\b|\\bx64\\b");
    private static final Pattern SERVICE_PACK = Pattern.compile("(?i)\\b(?:service\\s+pack|sp)\\s*(\\d)\\b");
    /** SERVERPROPERTY('ProductMajorVersion') to the product's name. */
    private static final Map<Integer, String> SQL_MAJORS = Map.of(11, "SQL Server 2012", 12, "SQL Server 2014",
            13, "SQL Server 2016", 14, "SQL Server 2017", 15, "SQL Server 2019", 16, "SQL Server 2022",
            17, "SQL Server 2025");
    /** The first build of each SQL Server 2016 service pack (KB3177312; SP3 is 13.0.6300.2, KB5003279). */
    private static final int SQL_2016_SP1 = 4001;
    private static final int SQL_2016_SP2 = 5026;
    private static final int SQL_2016_SP3 = 6300;

    /** Windows: the edition and the architecture are not part of what the guide requires. */
    public static PlatformReading ofOperatingSystem(String text, String servicePack) {
        String cleaned = clean(text);
        Matcher windows = WINDOWS.matcher(cleaned);
        if (!windows.find()) {
            return new PlatformReading(cleaned, level(servicePack), false, "not recognised as a Windows Server "
                    + "version", null);
        }
        String product = "Windows Server " + windows.group(1);
        String level = join(windows.group(2) == null ? "" : "R2", servicePackIn(cleaned).orElse(""));
        if (level.isEmpty()) {
            level = level(servicePack);
        }
        Matcher edition = WINDOWS_EDITION.matcher(cleaned);
        String understood = product + (edition.find() ? ", " + edition.group(1) + " edition" : "")
                + (level.isEmpty() ? ", no service pack level" : ", service pack level " + level);
        return new PlatformReading(product, level, true, understood, null);
    }

    /** SQL Server: a cumulative update is not a service pack; SQL Server 2017 and later have none. */
    public static PlatformReading ofSqlServer(String text, String servicePack) {
        String cleaned = clean(text);
        Matcher name = SQL_NAME.matcher(cleaned);
        Matcher build = SQL_BUILD.matcher(cleaned);
        boolean hasBuild = build.find();
        String product = name.find() ? "SQL Server " + name.group(1)
                : hasBuild ? SQL_MAJORS.get(Integer.parseInt(build.group(1))) : null;
        if (product == null) {
            return new PlatformReading(cleaned, level(servicePack), false, "not recognised as a SQL Server version",
                    null);
        }
        String level = explicitSqlLevel(cleaned).orElseGet(() -> Optional.ofNullable(hasBuild
                ? levelOfBuild(product, Integer.parseInt(build.group(3))) : null).orElseGet(() -> level(servicePack)));
        String understood = product + (hasBuild ? " build " + build.group() : "")
                + (level.isEmpty() ? ", no service pack (RTM)" : ", " + level);
        return new PlatformReading(product, level, true, understood, null);
    }

    /** A browser: "Internet Explorer 11 (32-bit)", "IE 11.0.9600 x86"; the major version and the bitness count. */
    public static PlatformReading ofBrowser(String text) {
        String cleaned = clean(text);
        Matcher ie = INTERNET_EXPLORER.matcher(cleaned);
        Integer bits = BITS_32.matcher(cleaned).find() ? Integer.valueOf(32)
                : BITS_64.matcher(cleaned).find() ? Integer.valueOf(64) : null;
        String width = bits == null ? ", bitness not stated" : ", " + bits + "-bit";
        if (!ie.find()) {
            return new PlatformReading(cleaned, "", false, "not recognised as Internet Explorer" + width, bits);
        }
        String product = "Internet Explorer " + ie.group(1);
        return new PlatformReading(product, "", true, product + width, bits);
    }

    /** The level @@VERSION states, "(RTM-CU18)" or "(SP2)", or a service pack named in the text. */
    private static Optional<String> explicitSqlLevel(String text) {
        Matcher level = SQL_LEVEL.matcher(text);
        if (level.find()) {
            String found = level.group(1).toUpperCase(Locale.ROOT);
            return Optional.of(found.equals("RTM") ? "" : found);
        }
        return servicePackIn(text);
    }

    /** The service pack a build number means, where the reading knows it (2016; 2017 and later have none). */
    private static String levelOfBuild(String product, int build) {
        if (!product.equals("SQL Server 2016")) {
            return SQL_MAJORS.values().stream().filter(p -> p.compareTo("SQL Server 2017") >= 0)
                    .anyMatch(product::equals) ? "" : null;
        }
        return build >= SQL_2016_SP3 ? "SP3" : build >= SQL_2016_SP2 ? "SP2" : build >= SQL_2016_SP1 ? "SP1" : "";
    }

    /**
     * A service pack level as people write it: "Service Pack 2", "SP2", "2" are SP2; "None", "RTM", "N/A" and a
     * cumulative update ("CU18") are no service pack.
     */
    static String level(String servicePack) {
        if (servicePack == null) {
            return "";
        }
        String text = clean(servicePack).toUpperCase(Locale.ROOT);
        if (text.matches("\\d")) {
            return "SP" + text;
        }
        Matcher number = SERVICE_PACK.matcher(text);
        String rest = number.replaceAll(m -> "SP" + m.group(1)).replaceAll("\\bRTM\\b|\\bNONE\\b|\\bN/A\\b", "")
                .replaceAll("\\b(?:CU|GDR)\\s*\\d*\\b", "").trim().replaceAll("\\s+", " ");
        return rest;
    }

    private static Optional<String> servicePackIn(String text) {
        Matcher found = SERVICE_PACK.matcher(text);
        return found.find() ? Optional.of("SP" + found.group(1)) : Optional.empty();
    }

    private static String join(String first, String second) {
        return (first + " " + second).trim();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("®", " ").replace("(R)", " ").replace("(TM)", " ")
                .replaceAll("\\s+", " ").trim();
    }
}
