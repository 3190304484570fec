package io.wfdr.snapshot.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DR VM host of a VM, when the inventory makes it plain: the one VM host at a DR site of the VM's environment
 * (other than the host the VM runs on). With none, or several, a policy that replicates must name its DR host.
 *
 * @param host       the DR VM host; null when there is none or more than one
 * @param candidates every VM host at a DR site of the VM's environment, by name
 */
public record DrHostChoice(KnownVmHost host, List<KnownVmHost> candidates) {

    public DrHostChoice {
        candidates = List.copyOf(candidates);
    }

    public static DrHostChoice of(KnownVm vm, Collection<KnownSite> sites, Collection<KnownVmHost> hosts) {
        Map<String, KnownSite> drSites = sites.stream()
                .filter(site -> site.isDr() && site.environmentId.equals(vm.environmentId))
                .collect(Collectors.toMap(site -> site.id, Function.identity()));
        List<KnownVmHost> candidates = hosts.stream()
                .filter(host -> drSites.containsKey(host.siteId) && !host.id.equals(vm.hostId))
                .sorted(Comparator.comparing((KnownVmHost host) -> host.name).thenComparing(host -> host.id))
                .toList();
        return new DrHostChoice(candidates.size() == 1 ? candidates.get(0) : null, candidates);
    }

    public boolean unique() {
        return host != null;
    }

    /** Why there is no single DR VM host, in words an operator can act on; null when there is one. */
    public String whyNone(KnownVm vm) {
        if (unique()) {
            return null;
        }
        if (candidates.isEmpty()) {
            return "The inventory knows no VM host at a DR site of " + vm.name + "'s environment; name the VM host "
                    + "to replicate to in drHostId, or register the DR site's VM host in the inventory";
        }
        return "The inventory knows " + candidates.size() + " VM hosts at DR sites of " + vm.name
                + "'s environment (" + candidates.stream().map(h -> h.name + " " + h.id)
                        .collect(Collectors.joining(", ")) + "); name the one to replicate to in drHostId";
    }
}
