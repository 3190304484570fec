package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of the guide's software tables: an operating system or a SQL Server version with a service pack level
 * the guide supports, plus what else it requires. An empty service pack means "None".
 */
@Entity
@Table(name = "supported_platform")
public class SupportedPlatform {

    public enum Kind { OPERATING_SYSTEM, SQL_SERVER, FILE_SYSTEM, BROWSER }

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String product;

    @Column(name = "service_pack", nullable = false)
    public String servicePack;

    @Column(name = "additional_requirement")
    public String additionalRequirement;

    public boolean matches(String otherProduct, String otherServicePack) {
        return normalize(product).equals(normalize(otherProduct))
                && normalize(servicePack).equals(normalize(otherServicePack));
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        return trimmed.equals("NONE") ? "" : trimmed;
    }
}
