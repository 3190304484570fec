package io.wfdr.restore.service;

import io.wfdr.restore.api.ReachView;
import io.wfdr.restore.domain.ChainSelection;
import jakarta.enterprise.context.ApplicationScoped;

/** Restore plans from the restore service's own catalog: for now, what the catalog can reach. */
@ApplicationScoped
public class RestorePlanning {

    private final RestoreCatalog catalog;

    RestorePlanning(RestoreCatalog catalog) {
        this.catalog = catalog;
    }

    public ReachView reach(String databaseId) {
        ChainSelection.Reach reach = ChainSelection.reach(catalog.history(databaseId));
        return new ReachView(databaseId, reach.earliest(), reach.latest(), reach.whyNotLater());
    }
}
