package io.wfdr.inventory.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A production server and the DR server of the same role that stands in for it. */
@Entity
@Table(name = "server_pair")
public class ServerPair {

    @Id
    public String id;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(name = "production_server_id", nullable = false)
    public String productionServerId;

    @Column(name = "dr_server_id", nullable = false)
    public String drServerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PairStatus status;

    /** Whether the last drift check found the DR server out of step; drift events fire when this flips. */
    @Column(nullable = false)
    public boolean drifted;

    @Column(name = "paired_at", nullable = false)
    public Instant pairedAt;

    @Version
    public long revision;

    public void failOver(Server production, Server dr) {
        if (status == PairStatus.FAILED_OVER) {
            throw new TransitionRefused("The pair " + production.name + " / " + dr.name + " has already failed over");
        }
        if (production.state == ServerState.DECOMMISSIONED) {
            throw new TransitionRefused("Production server " + production.name + " is decommissioned");
        }
        dr.standInFor(production);
        if (production.state != ServerState.FAILED) {
            production.markFailed();
        }
        status = PairStatus.FAILED_OVER;
    }

    public void failBack(Server production, Server dr) {
        if (status != PairStatus.FAILED_OVER) {
            throw new TransitionRefused("The pair " + production.name + " / " + dr.name
                    + " has not failed over; there is nothing to fail back");
        }
        production.markRepaired();
        dr.standDown();
        status = PairStatus.NORMAL;
    }
}
