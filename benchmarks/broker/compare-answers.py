#!/usr/bin/env python3
"""Asks a broker on a seeded database (run.sh --keep-db) the same can-i-deploy questions every time and records the
answers, so that two builds can be compared byte for byte on a large history (MatrixAnswersTest does it on a small one).

  compare-answers.py ask --base-url http://127.0.0.1:PORT --vpp 5000 --out main.txt   # with one jar
  compare-answers.py ask --base-url http://127.0.0.1:PORT --vpp 5000 --out new.txt    # with the other, on the same port
  compare-answers.py diff main.txt new.txt                                           # exit status 1 on any difference

The questions (fixed by --seed): --questions LoadDriver can-i-deploy questions (a random pacticipant, a version from the
recent half of its history, latestby=cvp, to production), a tenth as many again with latestby=cvpv, as many
/can-i-deploy?...&to=release-K questions (the legacy tag destination, a version per counterpart through the version
service), and every pacticipant's version currently in production asked for production (the "yes" answers). Each answer
is one line: the URL, the HTTP status and the body (Accept: application/hal+json). Python 3 standard library only.
"""
import argparse
import collections
import hashlib
import http.client
import random
import sys
import urllib.parse


def name(p):
    return ("consumer-" if p <= 100 else "provider-") + "%03d" % p


def md5(s):
    return hashlib.md5(s.encode()).hexdigest()


def number(p, n):
    # as LoadDriver.number and seed.sql
    return md5("%d:%d" % (p, n)) + md5("%d:%d" % (n, p))[:8]


def questions(vpp, count, seed):
    rnd = random.Random(seed)

    def recent():
        p = 1 + rnd.randrange(200)
        return p, vpp // 2 + 1 + rnd.randrange(vpp - vpp // 2)

    out = []
    for _ in range(count):
        p, n = recent()
        out.append("/matrix?q%%5B%%5D%%5Bpacticipant%%5D=%s&q%%5B%%5D%%5Bversion%%5D=%s&latestby=cvp&environment=production"
                   % (name(p), number(p, n)))
    for _ in range(count // 10):
        p, n = recent()
        out.append("/matrix?q%%5B%%5D%%5Bpacticipant%%5D=%s&q%%5B%%5D%%5Bversion%%5D=%s&latestby=cvpv&environment=production"
                   % (name(p), number(p, n)))
    for _ in range(count // 10):
        p, n = recent()
        out.append("/can-i-deploy?pacticipant=%s&version=%s&to=release-%d"
                   % (name(p), number(p, n), 1 + rnd.randrange(vpp // 50)))
    for p in range(1, 201):
        out.append("/can-i-deploy?pacticipant=%s&version=%s&environment=production" % (name(p), number(p, vpp * 9 // 10)))
    return out


def ask(args):
    url = urllib.parse.urlparse(args.base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    outcomes = collections.Counter()
    with open(args.out, "w", encoding="utf-8") as f:
        for q in questions(args.vpp, args.questions, args.seed):
            conn.request("GET", q, headers={"Accept": "application/hal+json"})
            res = conn.getresponse()
            body = res.read().decode("utf-8")
            outcomes[outcome(res.status, body)] += 1
            f.write("%s\t%d\t%s\n" % (q, res.status, body.replace("\n", "\\n")))
    print("%s: %d answers: %s" % (args.out, sum(outcomes.values()), dict(sorted(outcomes.items()))))


def outcome(status, body):
    if status != 200:
        return "HTTP %d" % status
    for verdict in ("true", "false", "null"):
        if '"deployable":%s' % verdict in body:
            return "deployable=" + verdict
    return "other"


def diff(args):
    with open(args.a, encoding="utf-8") as f:
        a = f.read().splitlines()
    with open(args.b, encoding="utf-8") as f:
        b = f.read().splitlines()
    if len(a) != len(b):
        print("%s has %d answers, %s %d" % (args.a, len(a), args.b, len(b)))
        return 1
    different = [i for i in range(len(a)) if a[i] != b[i]]
    for i in different[:5]:
        print("differs: %s\n  %s\n  %s" % (a[i].split("\t")[0], a[i][:600], b[i][:600]))
    print("%d of %d answers identical byte for byte" % (len(a) - len(different), len(a)))
    return 1 if different else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ask")
    a.add_argument("--base-url", required=True)
    a.add_argument("--vpp", type=int, default=1000)
    a.add_argument("--questions", type=int, default=2000)
    a.add_argument("--seed", type=int, default=10)
    a.add_argument("--out", required=True)
    d = sub.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    args = parser.parse_args()
    if args.command == "ask":
        ask(args)
        return 0
    return diff(args)


if __name__ == "__main__":
    sys.exit(main())
