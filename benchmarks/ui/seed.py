#!/usr/bin/env python3
"""Writes SQL (COPY streams) that seeds an Accord broker database with a 500-pacticipant history for the web UI
benchmark: pipe it into psql against a database whose schema the broker's Flyway migrations created.

    python3 benchmarks/ui/seed.py | psql -q -X -d DB

Shape (deterministic: no randomness, everything derives from md5 of the ids):
  500 pacticipants in 4 tiers: 1..100 front-ends, 101..250 edge services, 251..400 domain services, 401..500 core.
  Each service of tiers 0-2 consumes 3 to 5 services of deeper tiers, skewed towards a few popular ones
  (about 1,500 integrations; the busiest provider has 40+ consumers).
  10 versions per pacticipant, all on branch main; every consumer version publishes a pact with each of its
  providers, and the content changes every 5 versions (2 contents per integration).
  Each pact: 3 to 4 HTTP interactions (list, get by id with a path regex, create, sometimes a search with query
  parameters), with matchers (type/eachLike, integer, regex, timestamp) and a
  consumer-specific subset of response fields, so the usage map has something to tell.
  The latest content of each integration is verified by the provider's latest version: ~6% fail, ~10% unverified.
"""
import hashlib
import json
import sys

DOMAINS = ["web", "mobile", "orders", "payments", "catalog", "search", "billing", "shipping", "inventory", "pricing",
           "accounts", "auth", "notifications", "reviews", "recommendations", "cart", "checkout", "returns", "loyalty",
           "reporting"]
TIERS = [(1, 100), (101, 250), (251, 400), (401, 500)]
VERSIONS = 10
OPTIONAL = ["currency", "stock", "weight", "colour", "updatedAt", "description", "rating", "sku"]
T0 = "2026-11-01 00:00:00"


def h(*parts):
    return int(hashlib.md5(":".join(str(p) for p in parts).encode()).hexdigest()[:8], 16)


def name(p):
    return f"{DOMAINS[p % len(DOMAINS)]}-{'app' if p <= 100 else 'svc'}-{p:03d}"


def tier(p):
    return next(i for i, (a, b) in enumerate(TIERS) if a <= p <= b)


def providers_of(c):
    t = tier(c)
    if t == 3:
        return []
    lo, hi = TIERS[t + 1][0], TIERS[-1][1]
    chosen = []
    for j in range(3 + h(c, "n") % 3):
        # squared hash: low ids of the deeper tiers are popular
        r = (h(c, j) % 10000) / 10000.0
        p = lo + int(r * r * (hi - lo + 1))
        if p not in chosen:
            chosen.append(p)
    return chosen


def version_number(p, n):
    return hashlib.sha1(f"{p}:{n}".encode()).hexdigest()


def pact(c, p, block):
    domain = DOMAINS[p % len(DOMAINS)]
    fields = [f for f in OPTIONAL if h(c, p, f) % 3 != 0]
    item = {"id": 1, "name": "item one", "price": 10 + block}
    for f in fields:
        item[f] = {"stock": 5, "weight": 1.5, "rating": 4, "updatedAt": "2026-11-01T10:00:00Z"}.get(f, f + " value")
    if h(c, p, "supplier") % 2:
        item["supplier"] = {"id": 7, "name": "ACME"}
    rules_item = {"$.id": {"matchers": [{"match": "integer"}]}, "$.name": {"matchers": [{"match": "type"}]}}
    if "updatedAt" in item:
        rules_item["$.updatedAt"] = {"matchers": [{"match": "timestamp", "timestamp": "yyyy-MM-dd'T'HH:mm:ssX"}]}
    list_rules = {"$.items": {"matchers": [{"match": "type", "min": 1}]}, "$.total": {"matchers": [{"match": "integer"}]}}
    json_header = {"Content-Type": "application/json"}
    interactions = [
        {"description": f"list {domain} items", "providerState": "items exist",
         "request": {"method": "GET", "path": f"/api/{domain}/items", "query": {"limit": ["20"]}, "headers": {"Accept": "application/json"}},
         "response": {"status": 200, "headers": json_header, "body": {"items": [item], "total": 1},
                      "matchingRules": {"body": list_rules,
                                        "header": {"Content-Type": {"matchers": [{"match": "regex", "regex": "application/json.*"}]}}}}},
        {"description": f"get one {domain} item", "providerState": "item exists",
         "request": {"method": "GET", "path": f"/api/{domain}/items/item-{c:03d}",
                     "matchingRules": {"path": {"matchers": [{"match": "regex", "regex": f"/api/{domain}/items/item-\\d+"}]}}},
         "response": {"status": 200, "headers": json_header, "body": item, "matchingRules": {"body": rules_item}}},
        {"description": f"create a {domain} item",
         "request": {"method": "POST", "path": f"/api/{domain}/items", "headers": json_header, "body": {"name": "new", "price": 10}},
         "response": {"status": 201, "headers": json_header, "body": {"id": 2},
                      "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}}}},
    ]
    if h(c, p, "search") % 2:
        interactions.append(
            {"description": f"search {domain}", "request": {"method": "GET", "path": f"/api/{domain}/search", "query": {"q": ["shoes"], "page": ["1"]}},
             "response": {"status": 200, "body": {"hits": [{"id": 1, "score": 0.9}], "page": 1},
                          "matchingRules": {"body": {"$.hits": {"matchers": [{"match": "type", "min": 0}]}}}}})
    doc = {"consumer": {"name": name(c)}, "provider": {"name": name(p)}, "interactions": interactions,
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}
    return json.dumps(doc, separators=(",", ":"))


def copy_value(v):
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy(out, table, columns, rows):
    out.write(f"COPY {table} ({', '.join(columns)}) FROM stdin;\n")
    for row in rows:
        out.write("\t".join(copy_value(v) for v in row) + "\n")
    out.write("\\.\n")


def main():
    out = sys.stdout
    out.write("\\set ON_ERROR_STOP on\nSET synchronous_commit = off;\nBEGIN;\n")
    out.write("TRUNCATE pacticipant, version, branch, branch_version, tag, pact_content, pact_publication, verification, "
              "integration RESTART IDENTITY CASCADE;\n")
    n = TIERS[-1][1]
    copy(out, "pacticipant", ["id", "name", "display_name", "main_branch", "created_at", "updated_at"],
         ((p, name(p), None, "main", T0, T0) for p in range(1, n + 1)))
    vid = lambda p, k: (p - 1) * VERSIONS + k
    copy(out, "version", ["id", "pacticipant_id", "number", "created_at"],
         ((vid(p, k), p, version_number(p, k), f"2026-11-{1 + k:02d} {p % 24:02d}:00:00") for p in range(1, n + 1) for k in range(1, VERSIONS + 1)))
    copy(out, "branch", ["id", "pacticipant_id", "name", "head_version_id", "created_at", "updated_at"],
         ((p, p, "main", vid(p, VERSIONS), T0, T0) for p in range(1, n + 1)))
    copy(out, "branch_version", ["branch_id", "version_id", "created_at"],
         ((p, vid(p, k), T0) for p in range(1, n + 1) for k in range(1, VERSIONS + 1)))
    pairs = [(c, p) for c in range(1, n + 1) for p in providers_of(c)]
    copy(out, "integration", ["consumer_id", "provider_id", "created_at"], ((c, p, T0) for c, p in pairs))
    contents, publications, verifications = [], [], []
    content_id = 0
    for c, p in pairs:
        for block in range(VERSIONS // 5):
            content_id += 1
            doc = pact(c, p, block)
            contents.append((content_id, c, p, hashlib.sha256(doc.encode()).hexdigest(), doc, T0))
            for k in range(block * 5 + 1, block * 5 + 6):
                publications.append((vid(c, k), c, p, content_id, T0))
            fate = h(c, p, "fate") % 100
            latest = block == VERSIONS // 5 - 1
            if not latest or fate >= 10:
                success = not (latest and fate >= 94)
                verifications.append((content_id, vid(p, VERSIONS), c, p, success, False, T0))
    copy(out, "pact_content", ["id", "consumer_id", "provider_id", "sha", "content", "created_at"], contents)
    copy(out, "pact_publication", ["consumer_version_id", "consumer_id", "provider_id", "pact_content_id", "created_at"], publications)
    copy(out, "verification", ["pact_content_id", "provider_version_id", "consumer_id", "provider_id", "success", "wip", "created_at"], verifications)
    for table in ["pacticipant", "version", "branch", "pact_content"]:
        out.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}));\n")
    out.write("COMMIT;\nANALYZE;\n")
    sys.stderr.write(f"seed: {n} pacticipants, {n * VERSIONS} versions, {len(pairs)} integrations, {len(contents)} pact contents, "
                     f"{len(publications)} publications, {len(verifications)} verifications\n")


if __name__ == "__main__":
    main()
