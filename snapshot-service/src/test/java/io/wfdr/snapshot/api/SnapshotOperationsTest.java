package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static io.wfdr.snapshot.api.Inventory.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.snapshot.libvirt.TestVm;
import io.wfdr.snapshot.replication.DrSshServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshot, replication, revert and rebuild operations through the API, on a real VM under this machine's libvirt
 * (skipped, saying why, where libvirtd does not answer): both "hosts" are this libvirt, their datastores folders.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SnapshotOperationsTest {

    private static final String EVENTS = "wfdr.snapshot.events";
    private static final int KIB4 = 4096;
    private final PlayedInventory played = PlayedInventory.onTheTestBroker();
    private final String productionSite = id();
    private final String drSite = id();
    private final String productionHost = id();
    private final String drHost = id();
    private final String vmId = id();
    private TestVm vm;

    @BeforeEach
    void aRunningVmOnAKvmHostWithADrHost() throws Exception {
        TestVm.assumeLibvirt();
        vm = TestVm.start("IPE" + vmId.substring(0, 8).toUpperCase(), 64L << 20, KIB4);
        played.announce("site.registered", played.site(productionSite, "Lakeland", "PRODUCTION"));
        played.announce("site.registered", played.site(drSite, "Atlanta", "DR"));
        played.announce("host.registered", localKvm(productionHost, "kvm-prod01", productionSite));
        played.announce("host.registered", localKvm(drHost, "kvm-dr01", drSite));
        played.announce("server.registered", played.server(vmId, vm.name, productionSite, productionHost,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        Inventory.awaitVm(vmId);
        datastore(productionHost, "prod");
        datastore(drHost, "dr");
    }

    @AfterEach
    void removeVm() throws Exception {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aSnapshotReplicatedAndVerifiedAtTheDrHostIsGoodAndEachStepIsAnnouncedAsTheAsyncApiDocumentSays()
            throws Exception {
        vm.write(0xab, KIB4, 0);
        String full = succeeded(snapshot("{\"kind\": \"FULL\", \"replicate\": true}", null));
        vm.write(0xcd, KIB4, 8 * KIB4, 100 * KIB4, 1000 * KIB4);

        Response first = snapshot("{\"replicate\": true}", "retry-" + vmId);
        String incremental = first.path("id");
        assertEquals(incremental, snapshot("{\"replicate\": true}", "retry-" + vmId).path("id"),
                "a retry with the same Idempotency-Key is the same operation");
        as("operator").header("Idempotency-Key", "retry-" + vmId).body("{\"kind\": \"FULL\"}")
                .post("/api/vms/" + vmId + "/snapshots").then().statusCode(422)
                .contentType("application/problem+json");
        succeeded(first);
        as("approver").queryParam("resourceId", incremental).get("/api/audit").then().statusCode(200)
                .body("items.find { it.channel == 'OPERATION' }.action", equalTo("snapshot-operation.snapshot.succeeded"),
                        "items.find { it.channel == 'OPERATION' }.actorSubject", containsString("test-operator"));

        as("viewer").get("/api/vms/" + vmId + "/snapshots").then().statusCode(200)
                .body("size()", equalTo(2), "[0].snapshotId", equalTo(incremental), "[0].kind",
                        equalTo("INCREMENTAL"), "[0].parentSnapshotId", equalTo(full), "[0].changedBytes",
                        equalTo(3 * KIB4), "[0].good", equalTo(true), "[1].good", equalTo(true),
                        "[0].drHostId", equalTo(drHost), "[0].consistency", equalTo("CRASH_CONSISTENT"));
        Map<String, List<String>> published = eventsOfThisVm();
        for (String type : List.of("taken", "replicated", "verified")) {
            assertEquals(2, published.getOrDefault("wfdr.snapshot.snapshot." + type + ".v1", List.of()).size(),
                    type + ": " + published.keySet());
        }
        for (Map.Entry<String, List<String>> events : published.entrySet()) {
            for (String data : events.getValue()) {
                assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(events.getKey(), data));
            }
        }
    }

    @Test
    void aRebuildRunsTheLostHostsVmOnTheDrHostFromItsReplicasAndAsksTheInventoryToRehostIt() throws Exception {
        vm.write(0xab, KIB4, 0, 5 * KIB4);
        succeeded(snapshot("{\"kind\": \"FULL\", \"replicate\": true}", null));
        vm.virsh.run("destroy", vm.name);
        vm.virsh.run("undefine", vm.name, "--checkpoints-metadata");

        String operation = succeeded(as("operator").body("{\"drHostId\": \"" + drHost + "\"}")
                .post("/api/vm-hosts/" + productionHost + "/rebuild").then().statusCode(202).extract().response());

        assertEquals("running", vm.virsh.state(vm.name));
        assertTrue(vm.virsh.dumpXml(vm.name).contains(vm.folder.resolve("dr-disks").toString()));
        ConsumerRecord<String, String> command = TestTopics.ofTestBroker().await("wfdr.inventory.commands",
                r -> vmId.equals(r.key()) && r.value().contains(operation), Duration.ofSeconds(30)).orElseThrow();
        assertEquals("wfdr.inventory.server.rehost.v1", TestTopics.header(command, "ce_type"));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems("wfdr.inventory.server.rehost.v1",
                command.value()));
        assertTrue(command.value().contains(drHost));
        assertEquals(1, eventsOfThisVm().getOrDefault("wfdr.snapshot.vm.rebuilt.v1", List.of()).size());
    }

    @Test
    void aDrDatastoreReachedOverSshReceivesTheReplicasChecksThemAndWritesTheRebuiltDiskItself() throws Exception {
        Path secrets = Files.createDirectories(Path.of("/tmp/wfdr-snapshot-test-secrets"));
        Files.writeString(secrets.resolve(vmId), "dr 'host' pass");
        try (DrSshServer dr = DrSshServer.start(Files.createDirectories(vm.folder.resolve("ssh")), "dr 'host' pass",
                DrSshServer.clientKey(vm.folder.resolve("ssh").resolve("unused")).getPublic())) {
            as("admin").body(Map.of("snapshotFolder", vm.folder.resolve("ssh-dr-snapshots").toString(),
                    "diskFolder", vm.folder.resolve("ssh-dr-disks").toString(), "ssh", Map.of("host", "127.0.0.1",
                            "port", dr.port(), "user", DrSshServer.USER, "hostKeyFingerprint", dr.fingerprint(),
                            "passwordRef", "file:" + secrets.resolve(vmId))))
                    .put("/api/vm-hosts/" + drHost + "/datastore").then().statusCode(200)
                    .body("ssh.host", equalTo("127.0.0.1"), "ssh.passwordRef", equalTo("file:" + secrets.resolve(vmId)));
            vm.write(0x5a, KIB4, 0, 7 * KIB4);
            String full = succeeded(snapshot("{\"kind\": \"FULL\", \"replicate\": true}", null));
            assertTrue(Files.exists(vm.folder.resolve("ssh-dr-snapshots").resolve(vm.name).resolve(full + ".qcow2")),
                    "shipped over SFTP to the DR end's folder");
            vm.flush();
            Path source = vm.folder.resolve("prod-snapshots").resolve(vm.name).resolve(full + ".qcow2");
            vm.virsh.run("destroy", vm.name);
            vm.virsh.run("undefine", vm.name, "--checkpoints-metadata");

            Response accepted = as("operator").body("{\"drHostId\": \"" + drHost + "\"}")
                    .post("/api/vm-hosts/" + productionHost + "/rebuild").then().statusCode(202).extract().response();
            succeeded(accepted);

            assertEquals("running", vm.virsh.state(vm.name));
            Path disk = vm.folder.resolve("ssh-dr-disks").resolve(vm.name + ".qcow2");
            assertTrue(vm.virsh.dumpXml(vm.name).contains(disk.toString()));
            assertTrue(new io.wfdr.snapshot.qemu.QemuImg("qemu-img", Duration.ofMinutes(1)).sameContent(source, disk,
                    true), "the disk the DR end wrote holds the snapshot's bytes");
            assertTrue(as("viewer").get("/api/snapshot-operations/" + accepted.path("id")).path("script").toString()
                    .contains("ssh -p " + dr.port() + " " + DrSshServer.USER + "@127.0.0.1 'qemu-img convert"));
        }
    }

    @Test
    void aFailbackMovesTheVmBackWithWhatItWroteAtTheDrHost() throws Exception {
        succeeded(snapshot("{\"kind\": \"FULL\", \"replicate\": true}", null));
        vm.virsh.run("destroy", vm.name);
        vm.virsh.run("undefine", vm.name, "--checkpoints-metadata");
        succeeded(as("operator").body("{\"drHostId\": \"" + drHost + "\"}")
                .post("/api/vm-hosts/" + productionHost + "/rebuild").then().statusCode(202).extract().response());
        played.announce("server.updated", played.server(vmId, vm.name, drSite, drHost,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("viewer").get("/api/vms/" + vmId)
                .then().body("host.id", equalTo(drHost)));
        vm.write(0x77, KIB4, 40 * KIB4, 41 * KIB4);

        String operation = succeeded(as("operator").body("{\"toHostId\": \"" + productionHost + "\"}")
                .post("/api/vms/" + vmId + "/failback").then().statusCode(202).extract().response());

        assertEquals("running", vm.virsh.state(vm.name));
        Path back = vm.folder.resolve("prod-disks").resolve(vm.name + ".qcow2");
        assertTrue(vm.virsh.dumpXml(vm.name).contains(back.toString()));
        assertTrue(new io.wfdr.snapshot.qemu.QemuImg("qemu-img", Duration.ofMinutes(1)).sameContent(back,
                vm.folder.resolve("dr-disks").resolve(vm.name + ".qcow2"), true),
                "the production disk holds what the VM wrote while it ran at the DR host");
        assertTrue(TestTopics.ofTestBroker().await("wfdr.inventory.commands", r -> vmId.equals(r.key())
                && r.value().contains(productionHost) && r.value().contains("failed back"), Duration.ofSeconds(30))
                .isPresent(), "the inventory is asked to rehost it to the production host");
        assertEquals(1, eventsOfThisVm().getOrDefault("wfdr.snapshot.vm.failed-back.v1", List.of()).size());
        assertTrue(as("viewer").get("/api/snapshot-operations/" + operation).path("message").toString()
                .contains("runs on kvm-prod01 again"));
    }

    @Test
    void aRevertToASnapshotWithAFlippedByteFailsBeforeTheVmIsTouched() throws Exception {
        String full = succeeded(snapshot("{\"kind\": \"FULL\", \"replicate\": false}", null));
        Path file = vm.folder.resolve("prod-snapshots").resolve(vm.name).resolve(full + ".qcow2");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(Files.size(file) / 2);
            int value = raw.read();
            raw.seek(Files.size(file) / 2);
            raw.write(value ^ 0x01);
        }

        String id = as("operator").body("{\"snapshotId\": \"" + full + "\"}").post("/api/vms/" + vmId + "/revert")
                .then().statusCode(202).extract().path("id");

        Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> as("viewer")
                .get("/api/snapshot-operations/" + id).then().body("status", equalTo("FAILED"),
                        "message", containsString("SHA-256")));
        assertEquals("running", vm.virsh.state(vm.name), "the VM was not stopped");
    }

    @Test
    void requestsThatCannotBeDoneAreRefusedInWordsAndStartNothing() {
        as("operator").body("{}").post("/api/vms/" + id() + "/snapshots").then().statusCode(404)
                .contentType("application/problem+json");
        as("admin").body("{\"snapshotFolder\": \"relative/folder\", \"diskFolder\": \"/srv/../etc\"}")
                .put("/api/vm-hosts/" + drHost + "/datastore").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers
                        .hasItems("snapshotFolder", "diskFolder"));
        as("admin").body(Map.of("snapshotFolder", "/srv/dr", "diskFolder", "/srv/disks", "ssh", Map.of("host",
                "kvm dr", "port", 70000, "user", "wfdr", "hostKeyFingerprint", "MD5:aa:bb", "passwordRef",
                "env:PATH", "privateKeyFile", "keys/id")))
                .put("/api/vm-hosts/" + drHost + "/datastore").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItems(
                        "ssh.host", "ssh.port", "ssh.hostKeyFingerprint", "ssh", "ssh.passwordRef",
                        "ssh.privateKeyFile"));
        as("viewer").get("/api/vm-hosts/" + drHost + "/datastore").then().statusCode(200)
                .body("ssh", org.hamcrest.Matchers.nullValue(), "snapshotFolder", containsString("dr-snapshots"));
        as("operator").body("{\"drHostId\": \"" + productionHost + "\"}")
                .post("/api/vm-hosts/" + productionHost + "/rebuild").then().statusCode(422);
        as("operator").body("{\"drHostId\": \"" + drHost + "\"}")
                .post("/api/vm-hosts/" + productionHost + "/rebuild").then().statusCode(409)
                .body("detail", containsString("no snapshot replicated to and verified at kvm-dr01"));
        as("operator").body("{}").post("/api/vms/" + vmId + "/revert").then().statusCode(409)
                .body("detail", containsString("no good snapshot"));
        as("viewer").queryParam("vmId", vmId).get("/api/snapshot-operations").then().statusCode(200)
                .body("total", equalTo(0));
        as("viewer").queryParam("kind", "FULL").get("/api/vms/" + vmId + "/snapshots/script").then()
                .statusCode(200).body(containsString("backup-begin " + vm.name))
                .body(containsString("qemu-img convert -O qcow2"));
        as("admin").body(Map.of("snapshotFolder", "/srv/prod", "diskFolder", "/srv/disks", "ssh", Map.of("host",
                "kvm-prod01", "user", "wfdr", "hostKeyFingerprint", "SHA256:" + "A".repeat(43), "passwordRef",
                "env:WFDR_SECRET_KVM_PROD01"))).put("/api/vm-hosts/" + productionHost + "/datastore").then()
                .statusCode(200).body("ssh.port", equalTo(22));
        as("operator").body("{}").post("/api/vms/" + vmId + "/snapshots").then().statusCode(409)
                .body("detail", containsString("reached over SSH"));
    }

    private Map<String, Object> localKvm(String id, String name, String siteId) {
        Map<String, Object> host = played.vmHost(id, name, siteId);
        host.put("hypervisor", "KVM");
        host.put("connectionRef", TestVm.URI);
        return host;
    }

    private void datastore(String hostId, String prefix) {
        as("admin").body(Map.of("snapshotFolder", vm.folder.resolve(prefix + "-snapshots").toString(),
                "diskFolder", vm.folder.resolve(prefix + "-disks").toString()))
                .put("/api/vm-hosts/" + hostId + "/datastore").then().statusCode(200);
    }

    private Response snapshot(String body, String idempotencyKey) {
        var request = as("operator").body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/vms/" + vmId + "/snapshots").then().statusCode(202)
                .header("Location", containsString("/api/snapshot-operations/")).extract().response();
    }

    /** Awaits the operation's success; returns its snapshot id (a rebuild: its own id). */
    private static String succeeded(Response accepted) {
        String id = accepted.path("id");
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> {
            String status = as("viewer").get("/api/snapshot-operations/" + id).path("status");
            if ("FAILED".equals(status)) {
                throw new AssertionError(as("viewer").get("/api/snapshot-operations/" + id).asString());
            }
            return "SUCCEEDED".equals(status);
        });
        String snapshot = as("viewer").get("/api/snapshot-operations/" + id).path("snapshotId");
        return snapshot == null ? id : snapshot;
    }

    private Map<String, List<String>> eventsOfThisVm() {
        return TestTopics.ofTestBroker().readAll(EVENTS, Duration.ofSeconds(5)).stream()
                .filter(r -> vmId.equals(r.key()))
                .collect(Collectors.groupingBy(r -> TestTopics.header(r, "ce_type"),
                        Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
    }
}
