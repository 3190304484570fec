"""Prints an environment document with N production/DR pairs (2N servers) for the bulk import."""
import json
import sys
import uuid

pairs = int(sys.argv[1])
tag = uuid.uuid4().hex[:6].upper()
roles = ["TRANSFLO_SERVER", "WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER"]


def server(name, site, host, role):
    return {"name": name, "site": site, "roles": [role], "machineType": "VIRTUAL_MACHINE", "host": host,
            "hardware": {"cpuSockets": 2, "coresPerSocket": 2, "clockGhz": 3.0, "memoryGb": 8, "diskGb": 120,
                         "fileSystem": "NTFS"},
            "operatingSystem": {"name": "Windows Server 2019", "servicePack": "R2"},
            "software": {"transfloVersion": "9.4", "workflowVersion": "11.4.1"}}


servers, pair_entries = [], []
for i in range(pairs):
    role = roles[i % len(roles)]
    p, d = f"P{tag}{i:04d}", f"D{tag}{i:04d}"
    servers.append(server(p, "Production", f"esx-p-{tag}", role))
    servers.append(server(d, "DR", f"esx-d-{tag}", role))
    pair_entries.append({"production": p, "dr": d})

json.dump({"name": f"bench {tag}", "description": "bench/inventory-load",
           "sites": [{"name": "Production", "role": "PRODUCTION", "location": "Lakeland, FL, US"},
                     {"name": "DR", "role": "DR", "location": "Atlanta, GA, US"}],
           "hosts": [{"name": f"esx-p-{tag}", "kind": "VM_HOST", "hypervisor": "VMWARE_ESXI", "site": "Production"},
                     {"name": f"esx-d-{tag}", "kind": "VM_HOST", "hypervisor": "VMWARE_ESXI", "site": "DR"}],
           "servers": servers, "pairs": pair_entries}, sys.stdout)
