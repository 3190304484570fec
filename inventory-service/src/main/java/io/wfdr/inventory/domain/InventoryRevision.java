package io.wfdr.inventory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The revision of the whole inventory: one row, one more with every committed change. */
@Entity
@Table(name = "inventory_revision")
public class InventoryRevision {

    public static final int ID = 1;

    @Id
    public int id;

    public long revision;
}
