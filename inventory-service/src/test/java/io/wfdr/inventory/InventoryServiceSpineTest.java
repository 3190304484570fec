package io.wfdr.inventory;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.ServiceSpineContract;
import io.wfdr.localstack.TestSigningKeys;

@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class InventoryServiceSpineTest extends ServiceSpineContract {

    @Override
    protected String serviceName() {
        return "inventory-service";
    }
}
