#!/usr/bin/env python3
"""Seeds a running broker over its HTTP API with 500 pacticipants for timing the web UI's integrations page.

400 consumers each publish version v1 (branch main) of a pact with 3 of 100 providers (1,200 integrations),
and each pact gets a verification result from provider version pv1 (4 in 5 successful).

    python3 benchmarks/ui/seed-500.py http://127.0.0.1:9292
    curl -s -o /dev/null -w '%{time_total}s\n' http://127.0.0.1:9292/ui
"""
import base64
import json
import random
import sys
import time
import urllib.request

base = sys.argv[1].rstrip("/")
random.seed(7)


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Accept": "application/hal+json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def pact(consumer, provider):
    return {"consumer": {"name": consumer}, "provider": {"name": provider},
            "interactions": [{"description": "get thing", "request": {"method": "GET", "path": "/t"},
                              "response": {"status": 200, "body": {"id": 1, "name": consumer},
                                           "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}}}}],
            "metadata": {"pactSpecification": {"version": "3.0.0"}}}


started = time.time()
providers = ["prov-%03d" % i for i in range(100)]
integrations = 0
for c in range(400):
    consumer = "cons-%03d" % c
    chosen = random.sample(providers, 3)
    contracts = [{"consumerName": consumer, "providerName": p, "specification": "pact", "contentType": "application/json",
                  "content": base64.b64encode(json.dumps(pact(consumer, p)).encode()).decode()} for p in chosen]
    call("POST", "/contracts/publish", {"pacticipantName": consumer, "pacticipantVersionNumber": "v1", "branch": "main",
                                        "contracts": contracts})
    for p in chosen:
        document = call("GET", "/pacts/provider/%s/consumer/%s/version/v1" % (p, consumer))
        href = document["_links"]["pb:publish-verification-results"]["href"]
        call("POST", href[len(base):], {"providerApplicationVersion": "pv1", "success": random.random() > 0.2})
        integrations += 1
print("seeded 500 pacticipants, %d integrations in %.1f s" % (integrations, time.time() - started))
