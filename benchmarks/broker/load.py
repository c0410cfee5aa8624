#!/usr/bin/env python3
"""Load generator for a seeded broker (benchmarks/broker/seed.sql), run as a separate process on loopback.

Measures can-i-deploy (to an environment), pacts-for-verification latency percentiles and publish throughput.
Usage: python3 load.py http://127.0.0.1:9292 [seconds-per-phase] [threads]
"""
import base64, json, random, sys, threading, time, urllib.request, uuid

base = sys.argv[1].rstrip('/')
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 8


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={'Accept': 'application/hal+json', 'Content-Type': 'application/json'})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        r.read()
        status = r.status
    return (time.perf_counter() - start) * 1000, status


def phase(name, make_request):
    latencies, errors, stop = [], [0], time.time() + seconds
    lock = threading.Lock()

    def worker():
        while time.time() < stop:
            try:
                ms, _ = make_request()
                with lock:
                    latencies.append(ms)
            except Exception as e:  # noqa: BLE001 - count and continue
                with lock:
                    errors[0] += 1
                    if errors[0] <= 3:
                        print(f'  {name}: error {e}', file=sys.stderr)

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    latencies.sort()
    n = len(latencies)
    pct = lambda p: latencies[min(n - 1, int(p / 100 * n))] if n else float('nan')
    print(f'{name}: {n} requests in {seconds:.0f}s ({n / seconds:.1f}/s), {errors[0]} errors, '
          f'p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, max {latencies[-1] if n else float("nan"):.1f} ms')


def version_of(name, k):
    import hashlib
    return hashlib.md5(f'{name}-{k}'.encode()).hexdigest()


def can_i_deploy():
    c = random.randint(1, 100)
    name = f'svc-{c:03d}'
    return call('GET', f'/matrix?q[][pacticipant]={name}&q[][version]={version_of(name, random.choice([990, 998, 1000]))}'
                       f'&latestby=cvpv&environment=production')


def pacts_for_verification():
    p = random.randint(101, 200)
    return call('POST', f'/pacts/provider/svc-{p:03d}/for-verification',
                {'consumerVersionSelectors': [{'mainBranch': True}, {'deployedOrReleased': True}],
                 'providerVersionBranch': 'main', 'includePendingStatus': True})


def publish():
    c = random.randint(1, 100)
    consumer, provider = f'svc-{c:03d}', f'svc-{100 + c:03d}'
    pact = {'consumer': {'name': consumer}, 'provider': {'name': provider},
            'interactions': [{'description': 'load ' + uuid.uuid4().hex, 'request': {'method': 'GET', 'path': '/x'},
                              'response': {'status': 200}}],
            'metadata': {'pactSpecification': {'version': '3.0.0'}}}
    return call('POST', '/contracts/publish', {
        'pacticipantName': consumer, 'pacticipantVersionNumber': uuid.uuid4().hex, 'branch': 'load',
        'contracts': [{'consumerName': consumer, 'providerName': provider, 'specification': 'pact',
                       'contentType': 'application/json', 'content': base64.b64encode(json.dumps(pact).encode()).decode()}]})


for _ in range(20):  # warm-up
    can_i_deploy(); pacts_for_verification()
phase('can-i-deploy to production', can_i_deploy)
phase('pacts-for-verification', pacts_for_verification)
phase('publish', publish)
