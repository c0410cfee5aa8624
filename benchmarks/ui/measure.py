#!/usr/bin/env python3
"""Times the web UI of a running broker: server response times (with the broker's CPU time per request, read from
/proc) and, in headless Chromium driven over the W3C WebDriver protocol by the system chromedriver (no Selenium, no
downloaded browser), the time from navigation start until the network diagram is drawn (window.accordNetworkReady)
and until the usage map has loaded. Optionally saves screenshots.

    python3 measure.py --base-url http://127.0.0.1:9292 --provider NAME [--broker-pid PID] [--runs 5] [--screenshots DIR]
"""
import argparse
import base64
import json
import os
import socket
import statistics
import subprocess
import time
import urllib.parse
import urllib.request

CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--window-size=1280,800", "--hide-scrollbars"]


def cpu_seconds(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server(base, path, runs, pid):
    times = []
    size = 0
    cpu_before = None
    for i in range(runs + 1):
        if i == 1:
            cpu_before = cpu_seconds(pid)  # warm requests only: the first one pays for JIT and template parsing
        start = time.perf_counter()
        with urllib.request.urlopen(base + path) as r:
            size = len(r.read())
        times.append((time.perf_counter() - start) * 1000)
    cpu = None if cpu_before is None else (cpu_seconds(pid) - cpu_before) * 1000 / runs
    first, warm = times[0], times[1:]
    return {"path": path, "bytes": size, "first_ms": round(first, 1), "median_ms": round(statistics.median(warm), 1),
            "max_ms": round(max(warm), 1), "broker_cpu_ms_per_request": None if cpu is None else round(cpu, 1)}


class WebDriver:
    def __init__(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.proc = subprocess.Popen(["/usr/bin/chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                 "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": CHROME_ARGS}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())["value"]

    def go(self, url):
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def js(self, script):
        return self.call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": []})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("GET", f"/session/{self.session}/screenshot")))

    def close(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        finally:
            self.proc.terminate()
            self.proc.wait()


def browser_network(wd, url):
    wd.go(url)
    for _ in range(600):
        ready = wd.js("return window.accordNetworkReady || null")
        if ready is not None:
            nav = wd.js("var n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd];")
            return {"html_ms": round(nav[0], 1), "dom_ms": round(nav[1], 1), "drawn_ms": round(ready, 1)}
        error = wd.js("return document.documentElement.getAttribute('data-network-error')")
        if error:
            raise SystemExit("the network page failed: " + error)
        time.sleep(0.05)
    raise SystemExit("the network page did not draw within 30 s")


REDRAW = """
var done = arguments[arguments.length - 1], canvas = document.getElementById('network-canvas');
var rect = canvas.getBoundingClientRect(), times = [], k = 0;
function step() {
  canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: k < 10 ? -60 : 60, clientX: rect.left + rect.width / 2,
    clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true}));
  requestAnimationFrame(function () { setTimeout(function () {
    times.push(window.accordNetworkLastDrawMs);
    if (++k < 20) { step(); } else { done(times); }
  }, 0); });
}
step();
"""


def browser_redraw(wd, url):
    """Zooms in and out 20 times by wheel events; returns the median time of one redraw of the whole network."""
    browser_network(wd, url)
    times = wd.call("POST", f"/session/{wd.session}/execute/async", {"script": REDRAW, "args": []})
    return {"redraws": len(times), "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def browser_usage(wd, url):
    wd.go(url)  # returns after the load event
    nav = wd.js("var n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.loadEventEnd, document.querySelectorAll('tr.usage-field').length];")
    return {"html_ms": round(nav[0], 1), "loaded_ms": round(nav[1], 1), "field_rows": nav[2]}


def summary(samples, key):
    values = [s[key] for s in samples]
    return {"first": values[0], "median_warm": round(statistics.median(values[1:]), 1) if len(values) > 1 else values[0]}


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--base-url", required=True)
    a.add_argument("--provider", required=True)
    a.add_argument("--broker-pid", type=int)
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--screenshots")
    args = a.parse_args()
    base = args.base_url.rstrip("/")
    usage_path = "/ui/providers/" + urllib.parse.quote(args.provider, safe="") + "/usage"
    result = {"server": [server(base, p, args.runs, args.broker_pid) for p in ["/ui/network", "/ui/network.json", usage_path]]}
    wd = WebDriver()
    try:
        network = [browser_network(wd, base + "/ui/network") for _ in range(args.runs)]
        result["browser_network_redraw"] = browser_redraw(wd, base + "/ui/network")
        usage = [browser_usage(wd, base + usage_path) for _ in range(args.runs)]
        result["browser_network"] = {k: summary(network, k) for k in ["html_ms", "drawn_ms"]}
        result["browser_usage"] = {k: summary(usage, k) for k in ["html_ms", "loaded_ms"]} | {"field_rows": usage[0]["field_rows"]}
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            browser_network(wd, base + "/ui/network")
            wd.screenshot(os.path.join(args.screenshots, "network-500.png"))
            browser_network(wd, base + "/ui/network?focus=" + urllib.parse.quote(args.provider))
            wd.screenshot(os.path.join(args.screenshots, "network-500-focus.png"))
            wd.go(base + usage_path + "?q=price")
            wd.screenshot(os.path.join(args.screenshots, "usage-500.png"))
    finally:
        wd.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
