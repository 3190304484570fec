"""Prints the read paths of the load: each server and each pair by id, and every page of both lists."""
import json
import sys
import urllib.request

base, token, env = sys.argv[1], sys.argv[2], sys.argv[3]


def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


paths = []
for kind in ("servers", "pairs"):
    page = 0
    while True:
        body = get(f"/api/{kind}?environmentId={env}&page={page}&size=500")
        paths += [f"/api/{kind}/{item['id']}" for item in body["items"]]
        if (page + 1) * 500 >= body["total"]:
            break
        page += 1
    total = get(f"/api/{kind}?environmentId={env}&size=1")["total"]
    paths += [f"/api/{kind}?environmentId={env}&page={p}&size=20" for p in range((total + 19) // 20)]
print("\n".join(paths))
