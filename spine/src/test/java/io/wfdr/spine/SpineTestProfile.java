package io.wfdr.spine;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;

/** The local stack under every spine test: one Kafka broker and one signing key for the whole test JVM. */
@WithTestResource(value = KafkaBrokerTestResource.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
@QuarkusTest
public abstract class SpineTestProfile {
}
