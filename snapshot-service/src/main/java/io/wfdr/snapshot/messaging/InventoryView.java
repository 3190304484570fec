package io.wfdr.snapshot.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.snapshot.domain.KnownSite;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps the snapshot service's view of the inventory in step with {@code wfdr.inventory.events}: the sites, the VM
 * hosts (hosts of kind VM_HOST, with their hypervisor and connection reference) and the VMs (servers of machine type
 * VIRTUAL_MACHINE). A host or server that the inventory changes into something else (a physical machine) leaves the
 * view. Reads only the fields it needs from the public payloads, so inventory can add fields without breaking it;
 * events it has no use for are skipped.
 */
@ApplicationScoped
public class InventoryView {

    static final String VM_HOST = "VM_HOST";
    static final String VIRTUAL_MACHINE = "VIRTUAL_MACHINE";

    private static final String WHAT = "inventory event";
    private static final String PREFIX = "wfdr.inventory.";

    private final EntityManager em;

    InventoryView(EntityManager em) {
        this.em = em;
    }

    public void apply(IncomingEvent event) {
        String type = event.type();
        if (!type.startsWith(PREFIX) || !type.endsWith(".v1")) {
            return;
        }
        String what = type.substring(PREFIX.length(), type.length() - ".v1".length());
        JsonNode data = event.data();
        switch (what) {
            case "site.registered", "site.updated" -> em.merge(site(data));
            case "host.registered", "host.updated" -> host(data);
            case "server.registered", "server.updated" -> server(data);
            case "site.removed" -> remove(KnownSite.class, Payload.text(data, "id", WHAT));
            case "host.removed" -> remove(KnownVmHost.class, Payload.text(data, "id", WHAT));
            case "server.removed" -> remove(KnownVm.class, Payload.text(data, "id", WHAT));
            case "server.renamed" -> renamed(data);
            case "server.state-changed" -> stateChanged(data);
            default -> {
                // not needed for snapshots
            }
        }
    }

    private static KnownSite site(JsonNode data) {
        KnownSite site = new KnownSite();
        site.id = Payload.text(data, "id", WHAT);
        site.environmentId = Payload.text(data, "environmentId", WHAT);
        site.name = Payload.text(data, "name", WHAT);
        site.role = Payload.text(data, "role", WHAT);
        return site;
    }

    private void host(JsonNode data) {
        String id = Payload.text(data, "id", WHAT);
        if (!VM_HOST.equals(Payload.text(data, "kind", WHAT))) {
            remove(KnownVmHost.class, id);
            return;
        }
        KnownVmHost host = new KnownVmHost();
        host.id = id;
        host.name = Payload.text(data, "name", WHAT);
        host.siteId = Payload.text(data, "siteId", WHAT);
        host.hypervisor = Payload.optionalText(data, "hypervisor");
        host.connectionRef = Payload.optionalText(data, "connectionRef");
        em.merge(host);
    }

    private void server(JsonNode data) {
        String id = Payload.text(data, "id", WHAT);
        if (!VIRTUAL_MACHINE.equals(Payload.text(data, "machineType", WHAT))) {
            remove(KnownVm.class, id);
            return;
        }
        KnownVm vm = new KnownVm();
        vm.id = id;
        vm.name = Payload.text(data, "name", WHAT);
        vm.currentName = data.hasNonNull("currentName") ? data.get("currentName").asText() : vm.name;
        vm.siteId = Payload.text(data, "siteId", WHAT);
        vm.hostId = Payload.optionalText(data, "hostId");
        vm.environmentId = Payload.text(data, "environmentId", WHAT);
        vm.state = Payload.text(data, "state", WHAT);
        JsonNode hardware = data.path("hardware");
        if (hardware.path("cpuSockets").canConvertToInt() && hardware.path("coresPerSocket").canConvertToInt()) {
            vm.cpus = hardware.get("cpuSockets").asInt() * hardware.get("coresPerSocket").asInt();
        }
        if (hardware.path("memoryGb").isNumber()) {
            vm.memoryGb = hardware.get("memoryGb").decimalValue();
        }
        em.merge(vm);
    }

    private void renamed(JsonNode data) {
        KnownVm vm = em.find(KnownVm.class, Payload.text(data, "serverId", WHAT));
        if (vm != null) {
            vm.currentName = Payload.text(data, "toName", WHAT);
        }
    }

    private void stateChanged(JsonNode data) {
        KnownVm vm = em.find(KnownVm.class, Payload.text(data, "serverId", WHAT));
        if (vm != null) {
            vm.state = Payload.text(data, "to", WHAT);
        }
    }

    private <T> void remove(Class<T> type, String id) {
        T known = em.find(type, id);
        if (known != null) {
            em.remove(known);
        }
    }
}
