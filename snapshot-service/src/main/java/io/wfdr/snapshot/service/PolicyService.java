package io.wfdr.snapshot.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.snapshot.api.DrHostView;
import io.wfdr.snapshot.api.PolicyRequest;
import io.wfdr.snapshot.api.PolicyView;
import io.wfdr.snapshot.domain.DrHostChoice;
import io.wfdr.snapshot.domain.FullWindow;
import io.wfdr.snapshot.domain.HourMinute;
import io.wfdr.snapshot.domain.KnownSite;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.snapshot.messaging.PolicyChanged;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Snapshot policies: validated before anything is written (a refused request changes nothing), saved, paused and
 * resumed, each change told to the other services through the outbox in the same transaction. The audit trail
 * records every call that changes one (the spine's audit filters, in the same transaction).
 */
@ApplicationScoped
public class PolicyService {

    static final String KVM = "KVM";

    private final EntityManager em;
    private final Clock clock;
    private final VmService vms;
    private final DrHosts drHosts;
    private final SnapshotEvents events;

    PolicyService(EntityManager em, Clock clock, VmService vms, DrHosts drHosts, SnapshotEvents events) {
        this.em = em;
        this.clock = clock;
        this.vms = vms;
        this.drHosts = drHosts;
        this.events = events;
    }

    @Transactional
    public PolicyView get(String vmId) {
        KnownVm vm = vms.vm(vmId);
        return view(vm, policy(vm));
    }

    /** The policy of a VM, or null when it has none (for the snapshot engine). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SnapshotPolicy find(String vmId) {
        return em.find(SnapshotPolicy.class, vmId);
    }

    @Transactional
    public PolicyView put(String vmId, PolicyRequest request) {
        KnownVm vm = vms.vm(vmId);
        Violations violations = new Violations();
        FullWindow window = window(request, violations);
        boolean replicate = request.replicate() == null || request.replicate();
        KnownVmHost named = null;
        if (request.drHostId() != null) {
            named = em.find(KnownVmHost.class, request.drHostId());
            if (named == null) {
                violations.add("drHostId", "the inventory has no VM host with this id");
            } else if (named.id.equals(vm.hostId)) {
                violations.add("drHostId", "is the host " + vm.name + " runs on; a replica there is lost with the VM");
            }
        }
        violations.throwIfAny("The policy");
        KnownVmHost drHost = named;
        if (replicate && drHost == null) {
            DrHostChoice choice = drHosts.of(vm);
            if (!choice.unique()) {
                throw new UnprocessableProblem(choice.whyNone(vm) + ". Nothing was changed.");
            }
            drHost = choice.host();
        }

        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vmId);
        boolean created = policy == null;
        if (created) {
            policy = new SnapshotPolicy();
            policy.vmId = vmId;
        }
        policy.fullWindowStart = window.start();
        policy.fullWindowEnd = window.end();
        policy.zone = window.zone().getId();
        policy.incrementalEveryMinutes = request.incrementalEveryMinutes();
        policy.replicate = replicate;
        policy.drHostId = drHost == null ? null : drHost.id;
        policy.drHostNamed = named != null;
        policy.fullChainsToKeepAtSource = request.fullChainsToKeepAtSource();
        policy.fullChainsToKeepAtDr = request.fullChainsToKeepAtDr() == null ? request.fullChainsToKeepAtSource()
                : request.fullChainsToKeepAtDr();
        policy.changedAt = Instant.now(clock);
        if (created) {
            em.persist(policy);
        }
        return announced(vm, policy, PolicyChanged.Change.SAVED);
    }

    @Transactional
    public PolicyView pause(String vmId, boolean paused) {
        KnownVm vm = vms.vm(vmId);
        SnapshotPolicy policy = policy(vm);
        if (policy.paused == paused) {
            throw new ConflictProblem("The snapshot policy of " + vm.name + " is already "
                    + (paused ? "paused" : "active"));
        }
        policy.paused = paused;
        policy.changedAt = Instant.now(clock);
        return announced(vm, policy, paused ? PolicyChanged.Change.PAUSED : PolicyChanged.Change.RESUMED);
    }

    private static FullWindow window(PolicyRequest request, Violations violations) {
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.zone());
        } catch (DateTimeException e) {
            violations.add("zone", "is not a time zone id such as America/New_York");
        }
        LocalTime start = LocalTime.parse(request.fullWindowStart(), HourMinute.FORMAT);
        LocalTime end = LocalTime.parse(request.fullWindowEnd(), HourMinute.FORMAT);
        if (start.equals(end)) {
            violations.add("fullWindowEnd", "must differ from fullWindowStart: the full needs a window to run in");
        }
        return zone == null || start.equals(end) ? null : new FullWindow(start, end, zone);
    }

    private SnapshotPolicy policy(KnownVm vm) {
        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vm.id);
        if (policy == null) {
            throw new NotFoundProblem("Snapshot policy of VM", vm.name + " (" + vm.id + ")");
        }
        return policy;
    }

    /** The policy as it now is, told to the other services in the same transaction. */
    private PolicyView announced(KnownVm vm, SnapshotPolicy policy, PolicyChanged.Change change) {
        em.flush();
        events.publish(vm.id, vm.name, new PolicyChanged(vm.id, vm.name, change,
                policy.fullWindowStart.format(HourMinute.FORMAT), policy.fullWindowEnd.format(HourMinute.FORMAT),
                policy.zone, policy.incrementalEveryMinutes, policy.replicate, policy.drHostId,
                policy.fullChainsToKeepAtSource, policy.fullChainsToKeepAtDr, policy.paused));
        return view(vm, policy);
    }

    private PolicyView view(KnownVm vm, SnapshotPolicy policy) {
        FullWindow window = policy.fullWindow();
        FullWindow.Opening next = window.next(Instant.now(clock));
        PolicyRequest described = new PolicyRequest(policy.fullWindowStart.format(HourMinute.FORMAT),
                policy.fullWindowEnd.format(HourMinute.FORMAT), policy.zone, policy.incrementalEveryMinutes,
                policy.replicate, policy.drHostId, policy.fullChainsToKeepAtSource, policy.fullChainsToKeepAtDr);
        DrHostView drHost = vms.drHost(vm, policy);
        return new PolicyView(vm.id, vm.name, described, policy.paused, drHost,
                new PolicyView.FullWindowView(window.minutes(), window.crossesMidnight(), next.opens(),
                        next.closes()),
                24 * 60 / policy.incrementalEveryMinutes, policy.changedAt, warnings(vm, policy));
    }

    /** What an operator should know: what keeps the policy from working, or from protecting the VM from a disaster. */
    private List<String> warnings(KnownVm vm, SnapshotPolicy policy) {
        List<String> warnings = new ArrayList<>();
        KnownVmHost host = vm.hostId == null ? null : em.find(KnownVmHost.class, vm.hostId);
        if (host == null) {
            warnings.add("the inventory has not announced the VM host " + vm.name + " runs on; no snapshot can be "
                    + "taken until it does");
        } else {
            if (host.connectionRef == null) {
                warnings.add("the VM host " + host.name + " has no connectionRef in the inventory; the snapshot "
                        + "service cannot reach it");
            }
            if (host.hypervisor != null && !KVM.equals(host.hypervisor)) {
                warnings.add("the VM host " + host.name + " runs " + host.hypervisor + "; snapshots are taken "
                        + "through libvirt and qemu-img on KVM hosts");
            }
        }
        if (!policy.replicate) {
            warnings.add("no replication: a disaster at " + siteName(vm.siteId) + " loses " + vm.name
                    + " and all its snapshots together");
            return warnings;
        }
        KnownVmHost dr = policy.drHostId == null ? null : em.find(KnownVmHost.class, policy.drHostId);
        if (dr == null) {
            warnings.add("the DR VM host " + policy.drHostId + " is no longer in the inventory; nothing is "
                    + "replicated until the policy names another");
            return warnings;
        }
        KnownSite drSite = em.find(KnownSite.class, dr.siteId);
        if (dr.siteId.equals(vm.siteId)) {
            warnings.add("the DR VM host " + dr.name + " is at " + siteName(vm.siteId) + ", the VM's own site; a "
                    + "disaster there loses the VM and its replicas together");
        } else if (drSite != null && !drSite.isDr()) {
            warnings.add("the DR VM host " + dr.name + " is at " + drSite.name + ", which the inventory does not "
                    + "call a DR site");
        }
        if (dr.connectionRef == null) {
            warnings.add("the DR VM host " + dr.name + " has no connectionRef in the inventory; nothing can be "
                    + "replicated to it");
        }
        if (host != null && host.hypervisor != null && dr.hypervisor != null
                && !host.hypervisor.equals(dr.hypervisor)) {
            warnings.add(host.name + " runs " + host.hypervisor + " but the DR VM host " + dr.name + " runs "
                    + dr.hypervisor + "; the VM cannot be rebuilt there from its replicas");
        }
        return warnings;
    }

    private String siteName(String siteId) {
        KnownSite site = em.find(KnownSite.class, siteId);
        return site == null ? "its site" : site.name;
    }
}
