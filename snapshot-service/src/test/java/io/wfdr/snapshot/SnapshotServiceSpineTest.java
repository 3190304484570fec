package io.wfdr.snapshot;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.ServiceSpineContract;
import io.wfdr.localstack.TestSigningKeys;

@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SnapshotServiceSpineTest extends ServiceSpineContract {

    @Override
    protected String serviceName() {
        return "snapshot-service";
    }
}
