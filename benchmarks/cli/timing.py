#!/usr/bin/env python3
"""Times whole processes, interleaved: round 1 runs every command once, round 2 again, ... so that each command
sees the same machine. Wall clock from fork to exit; CPU is the child's user + sys (os.wait4).

  timing.py RUNS SPEC_FILE

SPEC_FILE holds one command per line: `group|label|baseline-label-or-empty|shell command`. A command's ratio is
its median wall over the median wall of the baseline named on its line. stdout/stderr of the commands go to
/dev/null; a command that exits with a code other than 0 is reported (every run is still counted).
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(["/bin/sh", "-c", "exec " + command], stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode


def read_specs(path, fields):
    """The spec file's lines (blank lines and # comments skipped) as dicts of `fields`, split on the first
    len(fields) - 1 bars, each with empty "wall" and "cpu" lists."""
    specs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                spec = dict(zip(fields, line.split("|", len(fields) - 1)))
                spec.update({"wall": [], "cpu": []})
                specs.append(spec)
    return specs


def main():
    runs = int(sys.argv[1])
    specs = read_specs(sys.argv[2], ("group", "label", "baseline", "command"))
    for spec in specs:
        spec["codes"] = set()
    for spec in specs:  # one untimed run each: page cache, a first-run class archive
        run_once(spec["command"])
    for _ in range(runs):
        for spec in specs:
            wall, cpu, code = run_once(spec["command"])
            spec["wall"].append(wall)
            spec["cpu"].append(cpu)
            spec["codes"].add(code)
    by_label = {s["label"]: s for s in specs}
    group = None
    # rows of a group together (a spec file may add rows to a group further down), groups in first-seen order
    order = list(dict.fromkeys(s["group"] for s in specs))
    for s in sorted(specs, key=lambda s: order.index(s["group"])):
        if s["group"] != group:
            group = s["group"]
            print(f"\n{group}")
            print(f"  {'process':<52} {'wall median (range)':<24} {'ratio':>6}  {'CPU median':>10}  exit")
        med = statistics.median(s["wall"])
        ratio = ""
        if s["baseline"]:
            ratio = f"{med / statistics.median(by_label[s['baseline']]['wall']):.2f}x"
        rng = f"{med:.3f} s ({min(s['wall']):.3f}-{max(s['wall']):.3f})"
        cpu = f"{statistics.median(s['cpu']):.3f} s"
        codes = ",".join(str(c) for c in sorted(s["codes"]))
        print(f"  {s['label']:<52} {rng:<24} {ratio:>6}  {cpu:>10}  {codes}")


if __name__ == "__main__":
    main()
