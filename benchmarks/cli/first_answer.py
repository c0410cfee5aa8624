#!/usr/bin/env python3
"""Times servers from start to their first answer, interleaved like timing.py: round 1 starts every command once,
round 2 again, ... Each start gets a free port; the time is from fork to the first HTTP response to URL (any status:
the server is up and answering), polled every 2 ms; CPU is the process's user + sys at that moment (/proc). The
process is then stopped with SIGTERM (SIGKILL after 10 s) before the next one starts.

  first_answer.py RUNS SPEC_FILE

SPEC_FILE holds one server per line: `group|label|baseline-label-or-empty|path|shell command`. `{port}` in the
command is replaced by the port; the URL polled is http://127.0.0.1:{port}{path}. A command must exec its server
(the shell is replaced: `exec` is prepended), so that the pid polled and stopped is the server's. A start that does
not answer within 30 s is reported as a failure.
"""
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

from timing import read_specs

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after the command name
        return sum(int(v) for v in fields[11:15]) / CLOCK_TICKS
    except OSError:
        return float("nan")


def answered(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        conn.request("GET", path, headers={"Accept": "application/json"})
        conn.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        conn.close()


def start_once(path, command):
    port = free_port()
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(["/bin/sh", "-c", "exec " + command.replace("{port}", str(port))],
                                stdout=devnull, stderr=devnull)
    wall = cpu = None
    try:
        while time.perf_counter() - start < 30:
            if proc.poll() is not None:
                break
            if answered(port, path):
                wall = time.perf_counter() - start
                cpu = cpu_seconds(proc.pid)
                break
            time.sleep(0.002)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return wall, cpu


def main():
    runs = int(sys.argv[1])
    specs = read_specs(sys.argv[2], ("group", "label", "baseline", "path", "command"))
    for spec in specs:
        spec["failed"] = 0
    for spec in specs:  # one untimed start each: page cache, a first-run class archive
        start_once(spec["path"], spec["command"])
    for _ in range(runs):
        for spec in specs:
            wall, cpu = start_once(spec["path"], spec["command"])
            if wall is None:
                spec["failed"] += 1
            else:
                spec["wall"].append(wall)
                spec["cpu"].append(cpu)
    by_label = {s["label"]: s for s in specs}
    group = None
    for spec in specs:
        if spec["group"] != group:
            group = spec["group"]
            print(f"\n{group}")
            print(f"  {'server':<52} {'first answer median (range)':<30} {'ratio':>6}  {'CPU median':>10}  failed")
        if not spec["wall"]:
            print(f"  {spec['label']:<52} {'no answer':<30} {'':>6}  {'':>10}  {spec['failed']}")
            continue
        median = statistics.median(spec["wall"])
        cell = f"{median:.3f} s ({min(spec['wall']):.3f}-{max(spec['wall']):.3f})"
        ratio = ""
        base = by_label.get(spec["baseline"])
        if base and base["wall"]:
            ratio = f"{median / statistics.median(base['wall']):.2f}x"
        print(f"  {spec['label']:<52} {cell:<30} {ratio:>6}  {statistics.median(spec['cpu']):>8.3f} s  {spec['failed']}")


if __name__ == "__main__":
    main()
