package io.wfdr.snapshot.api;

/**
 * The DR VM host a VM's snapshots go to, and how it was chosen: named by the policy ({@code POLICY}), or the one VM
 * host at a DR site of the VM's environment ({@code DR_SITE}).
 */
public record DrHostView(String id, String name, String hypervisor, String siteId, String siteName,
        ChosenBy chosenBy) {

    public enum ChosenBy { POLICY, DR_SITE }
}
