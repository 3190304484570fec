package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.snapshot.domain.Consistency;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.service.SnapshotRetention;
import io.wfdr.snapshot.service.SnapshotRpo;
import io.wfdr.spine.contract.TextHash;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A VM's RPO and the retention of its chains, on catalog rows and files written here (no VM needed): the policy
 * of {@link SnapshotPolicyTest}, incrementals every 15 minutes, so a target of 30 minutes with the default grace.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SnapshotRpoAndRetentionTest {

    private static final String TOPIC = "wfdr.snapshot.events";
    private static final String BREACHED = "wfdr.snapshot.rpo-breached.v1";
    private static final String RESTORED = "wfdr.snapshot.rpo-restored.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SnapshotRpo rpo;

    @Inject
    SnapshotRetention retention;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private Inventory inventory;
    private String vm;

    @BeforeEach
    void aVmWithAPolicy() {
        inventory = Inventory.announced();
        vm = inventory.vm;
    }

    @Test
    void theRpoIsBreachedAndRestoredOncePerTransitionAndTheGaugeShowsTheAge() throws Exception {
        as("operator").body(SnapshotPolicyTest.policy()).put(SnapshotPolicyTest.policyOf(vm)).then().statusCode(200);
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String full = Inventory.id();
        String inc = Inventory.id();
        insert(row(full, SnapshotKind.FULL, null, full, t, true));
        insert(row(Inventory.id(), SnapshotKind.INCREMENTAL, full, full, t.plusSeconds(900), false));

        rpo.evaluate(t.plusSeconds(600));
        assertEquals(600.0, gauge(), "the age of the newest good snapshot, not of the unreplicated one");
        rpo.evaluate(t.plusSeconds(1800));
        rpo.evaluate(t.plusSeconds(1801));
        rpo.evaluate(t.plusSeconds(1900));
        assertEquals(1900.0, gauge());
        insert(row(inc, SnapshotKind.INCREMENTAL, full, full, t.plusSeconds(1950), true));
        rpo.evaluate(t.plusSeconds(2000));
        rpo.evaluate(t.plusSeconds(2100));
        assertEquals(150.0, gauge());

        ConsumerRecord<String, String> restored = awaitEvent(RESTORED);
        List<ConsumerRecord<String, String>> transitions = TestTopics.ofTestBroker().readAll(TOPIC,
                Duration.ofSeconds(3)).stream().filter(r -> vm.equals(r.key()))
                .filter(r -> List.of(BREACHED, RESTORED).contains(TestTopics.header(r, "ce_type"))).toList();
        assertEquals(List.of(BREACHED, RESTORED), transitions.stream().map(r -> TestTopics.header(r, "ce_type"))
                .toList(), "met at first (not published), then breached once, then restored once");
        ConsumerRecord<String, String> breached = transitions.get(0);
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(BREACHED, breached.value()));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(RESTORED, restored.value()));
        JsonNode breach = JSON.readTree(breached.value());
        assertEquals(full, breach.get("newestGoodSnapshotId").asText());
        assertEquals(1801, breach.get("ageSeconds").asLong());
        assertEquals(1800, breach.get("targetSeconds").asLong());
        assertEquals(inc, JSON.readTree(restored.value()).get("newestGoodSnapshotId").asText());
        assertEquals("vm/" + inventory.vmName, TestTopics.header(restored, "ce_subject"));

        as("viewer").get("/api/vms/" + vm + "/rpo").then().statusCode(200)
                .body("vmId", equalTo(vm), "newestGoodSnapshotId", equalTo(inc),
                        "targetSeconds", equalTo(1800), "breached", equalTo(true));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = as("viewer").get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("wfdr_snapshot_rpo_seconds{vm=\"" + inventory.vmName + "\""),
                    "the gauge is scraped with the VM's name");
        });
    }

    @Test
    void aVmWithoutAGoodSnapshotHasAnUnknownRpoAndNoPolicyIsA404() {
        as("viewer").get("/api/vms/" + vm + "/rpo").then().statusCode(404).contentType("application/problem+json");
        as("operator").body(SnapshotPolicyTest.policy()).put(SnapshotPolicyTest.policyOf(vm)).then().statusCode(200);
        as("viewer").get("/api/vms/" + vm + "/rpo").then().statusCode(200)
                .body("newestGoodSnapshotId", equalTo(null), "ageSeconds", equalTo(null), "breached", equalTo(null),
                        "targetSeconds", equalTo(1800));
        rpo.evaluate(Instant.now());
        assertEquals(-1.0, gauge());
    }

    @Test
    void retentionDropsOnlyWholeChainsAndNeverTheNewestGood() throws Exception {
        Path root = Files.createTempDirectory("wfdr-retention");
        Path sourceRoot = root.resolve("prod-snapshots");
        Path drRoot = root.resolve("dr-snapshots");
        datastore(inventory.productionHost, sourceRoot, root.resolve("prod-disks"));
        datastore(inventory.drHost, drRoot, root.resolve("dr-disks"));
        Map<String, Object> policy = SnapshotPolicyTest.policy();
        policy.put("fullChainsToKeepAtSource", 1);
        policy.put("fullChainsToKeepAtDr", 2);
        as("operator").body(policy).put(SnapshotPolicyTest.policyOf(vm)).then().statusCode(200);

        FolderDatastore source = new FolderDatastore(sourceRoot.resolve(inventory.vmName));
        FolderDatastore dr = new FolderDatastore(drRoot.resolve(inventory.vmName));
        Instant t = Instant.parse("2026-11-20T06:00:00Z");
        String prefix = vm.substring(0, 8);
        List<String> all = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            String full = prefix + "-d" + day;
            boolean replicated = day < 3; // the newest chain is not at DR yet: d2 holds the newest good snapshot
            String parent = null;
            for (int i = 0; i < 3; i++) {
                String id = i == 0 ? full : full + "-i" + i;
                Instant at = t.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(15L * i));
                VmSnapshot row = row(id, i == 0 ? SnapshotKind.FULL : SnapshotKind.INCREMENTAL, parent, full, at,
                        replicated);
                write(source, row);
                if (replicated) {
                    write(dr, row);
                }
                insert(row);
                all.add(id);
                parent = id;
            }
        }
        insert(row(prefix + "-orphan", SnapshotKind.INCREMENTAL, prefix + "-gone", prefix + "-gone",
                t.plus(Duration.ofDays(1)).plusSeconds(1), false));

        SnapshotRetention.Applied applied = retention.apply(vm);

        assertEquals(List.of(prefix + "-d0-i2", prefix + "-d0-i1", prefix + "-d0", prefix + "-d1-i2",
                prefix + "-d1-i1", prefix + "-d1"), applied.expiredAtSource(),
                "keep 1 at the source: d3 stays by the count and d2 because it holds the newest good snapshot; d0 "
                        + "and d1 go whole, newest first");
        assertEquals(List.of(prefix + "-d0-i2", prefix + "-d0-i1", prefix + "-d0"), applied.expiredAtDr(),
                "keep 2 at DR of the 3 chains there");
        assertEquals(files(prefix, 2, 3), names(source.folder()));
        assertEquals(files(prefix, 1, 2), names(dr.folder()));
        for (String id : all) {
            VmSnapshot row = QuarkusTransaction.requiringNew().call(() -> em.find(VmSnapshot.class, id));
            assertNotNull(row, "the catalog keeps every row");
            boolean day0 = id.contains("-d0");
            boolean day1 = id.contains("-d1");
            assertEquals(day0 || day1, row.expiredAtSource != null, id + " expired at the source");
            assertEquals(day0, row.expiredAtDr != null, id + " expired at DR");
        }
        VmSnapshot orphan = QuarkusTransaction.requiringNew().call(() -> em.find(VmSnapshot.class,
                prefix + "-orphan"));
        assertNull(orphan.expiredAtSource, "an orphan is neither kept nor dropped: reported");

        SnapshotRetention.Applied again = retention.apply(vm);
        assertEquals(List.of(), again.expiredAtSource(), "nothing more to drop");
        assertEquals(List.of(), again.expiredAtDr());
    }

    private static List<String> files(String prefix, int fromDay, int toDay) {
        List<String> names = new ArrayList<>();
        for (int day = fromDay; day <= toDay; day++) {
            for (String id : List.of(prefix + "-d" + day, prefix + "-d" + day + "-i1", prefix + "-d" + day + "-i2")) {
                names.add(id + ".qcow2");
                names.add(ManifestFiles.nameOf(id));
            }
        }
        return names.stream().sorted().toList();
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private void write(FolderDatastore store, VmSnapshot row) throws Exception {
        if (row == null) {
            return;
        }
        Files.createDirectories(store.folder());
        Files.writeString(store.folder().resolve(row.fileName), row.snapshotId, StandardCharsets.UTF_8);
        store.write(new SnapshotManifest(row.snapshotId, inventory.vmName, row.kind, row.parentId, row.fileName,
                row.bytes, row.sha256, row.virtualSize, List.of(), row.takenAt, row.consistency, null));
    }

    private VmSnapshot row(String id, SnapshotKind kind, String parent, String chain, Instant takenAt, boolean good) {
        VmSnapshot row = new VmSnapshot();
        row.snapshotId = id;
        row.vmId = vm;
        row.hostId = inventory.productionHost;
        row.kind = kind;
        row.parentId = parent;
        row.chainId = chain;
        row.fileName = id + ".qcow2";
        row.bytes = id.length();
        row.sha256 = TextHash.sha256(id);
        row.virtualSize = 1 << 20;
        row.changedBytes = id.length();
        row.consistency = Consistency.CRASH_CONSISTENT;
        row.takenAt = takenAt;
        if (good) {
            row.drHostId = inventory.drHost;
            row.shippedBytes = row.bytes;
            row.replicatedAt = takenAt.plusSeconds(30);
            row.verifiedAt = takenAt.plusSeconds(40);
        }
        return row;
    }

    private void insert(VmSnapshot row) {
        QuarkusTransaction.requiringNew().run(() -> em.persist(row));
    }

    private void datastore(String hostId, Path snapshots, Path disks) {
        as("admin").body(Map.of("snapshotFolder", snapshots.toString(), "diskFolder", disks.toString()))
                .put("/api/vm-hosts/" + hostId + "/datastore").then().statusCode(200);
    }

    private double gauge() {
        return registry.find("wfdr_snapshot_rpo_seconds").tag("vm_id", vm).gauge().value();
    }

    private ConsumerRecord<String, String> awaitEvent(String type) {
        return TestTopics.ofTestBroker().await(TOPIC, r -> vm.equals(r.key())
                && type.equals(TestTopics.header(r, "ce_type")), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + vm));
    }
}
