package io.wfdr.inventory.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of the guide's hardware tables for one server role: the minimum and the recommended value. */
@Entity
@Table(name = "hardware_requirement")
@IdClass(HardwareRequirement.Key.class)
public class HardwareRequirement {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "server_role")
    public ServerRole role;

    @Id
    @Enumerated(EnumType.STRING)
    public HardwareComponent component;

    @Column(nullable = false)
    public BigDecimal minimum;

    @Column(nullable = false)
    public BigDecimal recommended;

    public static class Key implements Serializable {
        public ServerRole role;
        public HardwareComponent component;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && role == k.role && component == k.component;
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, component);
        }
    }
}
