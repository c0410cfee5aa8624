import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the Accord broker benchmark (benchmarks/broker/run.sh). Runs as its own process on loopback against a broker
 * seeded by seed.sql, with concurrent clients, and prints latency percentiles and throughput per scenario.
 *
 * <p>Run with the JDK's single-file launcher: {@code java LoadDriver.java --base-url http://127.0.0.1:9292 --vpp 1000}. Every
 * scenario is bounded by a request count and a time limit, whichever comes first. Any non-2xx answer is counted and reported
 * as an error (and makes the exit status 1), so a fast failure can never pass as a fast answer.
 *
 * <p>Options: --base-url URL, --vpp N (versions per pacticipant used by the seed), --clients N (default 8), --requests N per
 * read scenario (default 4000), --seconds N per scenario (default 60), --publishes N (default 2000), --publish-clients N
 * (default 8), --warmup N requests per warm-up round of a read scenario (default 1500; not counted in the figures), --publish-warmup N publishes per warm-up round of the publish scenario (default 500), --warmup-rounds N (default 40: with --broker-pid, a scenario is warmed up in rounds until the broker's JIT compiler threads used under 5 % of its CPU in a round, so that the figures are the compiled broker's and not its compiler's; on 2 cores one round was not enough: the compiler threads still took 22-36 % of the broker's CPU in the 4,000 answers after it; without --broker-pid one round), --broker-pid PID (to report the broker's CPU time
 * per request), --postgres-cpu true (also report the CPU time of the local PostgreSQL server's processes per request), --transport urlconnection|httpclient (default urlconnection, see {@link #send}), --postgres-db NAME (also report the
 * CPU of the backends serving that database alone; the summary row uses it), --label TEXT and --summary FILE (append one
 * tab-separated row per measured scenario: label, scenario, clients, answers, errors, answers/s, p50, p99, broker and PostgreSQL CPU
 * ms per answer, 1-minute load average before-after), --only can-i-deploy|pacts-for-verification (only that scenario). The driver's own CPU time per request is printed too: it shares the
 * machine with the broker and PostgreSQL, so it must stay small.
 */
public final class LoadDriver {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private boolean urlConnection = true;
  private boolean postgresCpu;
  private final String base;
  private final int vpp;
  private long brokerPid;
  private String label = "";
  private String postgresDb;
  private java.nio.file.Path summary;
  private int warmupRounds = 40;

  /** A warm-up round ends the warm-up when the broker's compiler threads used less than this share of its CPU in it. */
  private static final double WARM_JIT_SHARE = 0.05;

  private LoadDriver(String base, int vpp) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.vpp = vpp;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new TreeMap<>(Map.of("--base-url", "http://127.0.0.1:9292", "--vpp", "1000", "--clients", "8",
        "--requests", "4000", "--seconds", "60", "--publishes", "2000", "--publish-clients", "8", "--warmup", "1500", "--broker-pid", "0", "--only", "all"));
    o.put("--publish-warmup", "500");
    o.put("--warmup-rounds", "40");
    o.put("--transport", "urlconnection");
    o.put("--postgres-cpu", "false");
    o.put("--label", "");
    o.put("--postgres-db", "");
    o.put("--summary", "");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!o.containsKey(args[i])) {
        throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + o.keySet());
      }
      o.put(args[i], args[i + 1]);
    }
    LoadDriver d = new LoadDriver(o.get("--base-url"), Integer.parseInt(o.get("--vpp")));
    d.brokerPid = Long.parseLong(o.get("--broker-pid"));
    d.postgresCpu = Boolean.parseBoolean(o.get("--postgres-cpu"));
    d.label = o.get("--label");
    d.postgresDb = o.get("--postgres-db").isEmpty() ? null : o.get("--postgres-db");
    d.summary = o.get("--summary").isEmpty() ? null : java.nio.file.Path.of(o.get("--summary"));
    d.warmupRounds = Integer.parseInt(o.get("--warmup-rounds"));
    if (d.warmupRounds < 1) {
      throw new IllegalArgumentException("--warmup-rounds is 1 or more, got " + d.warmupRounds);
    }
    d.urlConnection = switch (o.get("--transport")) {
      case "urlconnection" -> true;
      case "httpclient" -> false;
      default -> throw new IllegalArgumentException("--transport is urlconnection (default) or httpclient, got " + o.get("--transport"));
    };
    // HttpURLConnection keeps at most 5 idle connections per host by default: more clients would reconnect on every request.
    System.setProperty("http.maxConnections", String.valueOf(Math.max(64, 2 * Integer.parseInt(o.get("--clients")))));
    int clients = Integer.parseInt(o.get("--clients"));
    int requests = Integer.parseInt(o.get("--requests"));
    int seconds = Integer.parseInt(o.get("--seconds"));
    int warmup = Integer.parseInt(o.get("--warmup"));
    System.out.printf("Accord broker load: %s, %d clients, up to %d requests or %d s per read scenario%n", d.base, clients, requests, seconds);
    String only = o.get("--only");
    if (!List.of("all", "can-i-deploy", "pacts-for-verification").contains(only)) {
      throw new IllegalArgumentException("--only is all (default), can-i-deploy or pacts-for-verification, got " + only);
    }
    boolean ok = true;
    if (!"pacts-for-verification".equals(only)) {
      d.warmUp("can-i-deploy", clients, warmup, seconds, d::canIDeploy);
      ok &= d.run("can-i-deploy --to-environment production", clients, requests, seconds, d::canIDeploy, true).ok();
      ok &= d.run("can-i-deploy, one client at a time (service time without queueing)", 1, Math.max(1, requests / 8), seconds, d::canIDeploy, true).ok();
    }
    if (!"all".equals(only)) {
      if ("pacts-for-verification".equals(only)) {
        ok &= pactsForVerification(d, clients, requests, seconds, warmup);
      }
      System.exit(ok ? 0 : 1);
    }
    ok &= pactsForVerification(d, clients, requests, seconds, warmup);
    int publishes = Integer.parseInt(o.get("--publishes"));
    int publishClients = Integer.parseInt(o.get("--publish-clients"));
    // as for the reads: the JIT compiles the write path (JPA inserts, the content hash, webhook triggers) first, so that
    // the figure does not depend on how much of it the read scenarios before happened to warm up
    d.warmUp("publish", publishClients, Integer.parseInt(o.get("--publish-warmup")), seconds, d::publish);
    Result pub = d.run("publish (new consumer version, new content, 2 contracts)", publishClients, publishes, seconds, d::publish, true);
    System.out.printf("publish throughput: %.1f publishes/s (%.1f contracts/s)%n", pub.perSecond(), 2 * pub.perSecond());
    ok &= pub.ok();
    System.exit(ok ? 0 : 1);
  }

  private static boolean pactsForVerification(LoadDriver d, int clients, int requests, int seconds, int warmup) throws Exception {
    d.warmUp("pacts-for-verification", clients, warmup, seconds, d::pactsForVerification);
    boolean ok = d.run("pacts-for-verification (mainBranch, deployedOrReleased, pending)", clients, requests, seconds, d::pactsForVerification, true).ok();
    return ok & d.run("pacts-for-verification, one client at a time", 1, Math.max(1, requests / 8), seconds, d::pactsForVerification, true).ok();
  }

  /** One request of a scenario: the i-th overall; returns the response to check. */
  private interface Call {
    Req request(int i) throws Exception;
  }

  /** One HTTP request; every scenario sends {@code Accept: application/hal+json}. */
  record Req(String method, String url, String contentType, String body) {}

  record Res(int status, String body) {}

  /**
   * Sends a request on a kept-alive connection. The default transport is {@link HttpURLConnection} (blocking, one thread per
   * client): java.net.http's client hands every exchange between its selector thread and the caller, and cost this process about
   * 1.6 ms of CPU per can-i-deploy answer, half as much as the broker itself, on the 2 cores they share ({@code --transport
   * httpclient} still selects it).
   */
  private Res send(Req r) throws Exception {
    if (!urlConnection) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).header("Accept", "application/hal+json").timeout(Duration.ofSeconds(60));
      if (r.contentType() != null) {
        b.header("Content-Type", r.contentType());
      }
      b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body()));
      HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(res.statusCode(), res.body());
    }
    HttpURLConnection c = (HttpURLConnection) URI.create(r.url()).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(60_000);
    c.setRequestMethod(r.method());
    c.setRequestProperty("Accept", "application/hal+json");
    if (r.body() != null) {
      byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", r.contentType());
      c.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    if (in == null) {
      return new Res(status, "");
    }
    try (in) { // reading to the end and closing (not disconnecting) returns the connection to the keep-alive cache
      return new Res(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  record Result(String name, long[] nanos, int errors, double seconds, Map<String, Integer> outcomes) {
    boolean ok() {
      return errors == 0 && nanos.length > 0;
    }

    double perSecond() {
      return nanos.length / seconds;
    }
  }

  /**
   * Warms a scenario up in rounds of {@code perRound} requests (not counted) until the broker's JIT compiler threads used
   * under {@link #WARM_JIT_SHARE} of its CPU in a round, or {@code --warmup-rounds} rounds; one round when the broker's
   * threads cannot be read (no --broker-pid). Prints one line: the rounds, and the compiler's share in the last one.
   */
  private void warmUp(String scenario, int clients, int perRound, int maxSeconds, Call call) throws Exception {
    int rounds = 0;
    double share = Double.NaN;
    while (rounds < warmupRounds) {
      long cpuBefore = brokerCpuMillis();
      long jitBefore = brokerJitCpuMillis();
      run("warm-up " + scenario, clients, perRound, maxSeconds, call, false);
      rounds++;
      long cpu = brokerCpuMillis() - cpuBefore;
      if (brokerPid <= 0 || cpu <= 0) {
        break;
      }
      share = (double) (brokerJitCpuMillis() - jitBefore) / cpu;
      if (share < WARM_JIT_SHARE) {
        break;
      }
    }
    System.out.printf("warm-up %s: %d round(s) of %d requests%s%n", scenario, rounds, perRound,
        Double.isNaN(share) ? " (the broker's threads are not readable: one round)"
            : String.format(", the broker's JIT compiler threads %.0f %% of its CPU in the last%s", 100 * share,
                share < WARM_JIT_SHARE ? "" : " (still compiling after --warmup-rounds " + warmupRounds + ": the figures below include it)"));
  }

  private Result run(String name, int clients, int maxRequests, int maxSeconds, Call call, boolean print) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    List<long[]> perThread = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    AtomicLong firstError = new AtomicLong();
    String loadBefore = loadAverage();
    long cpuBefore = brokerCpuMillis();
    long jitBefore = brokerJitCpuMillis();
    long ownCpuBefore = ownCpuNanos();
    long pgCpuBefore = postgresCpuMillis(null);
    long dbCpuBefore = postgresDb == null ? 0 : postgresCpuMillis(postgresDb);
    long start = System.nanoTime();
    for (int t = 0; t < clients; t++) {
      long[] lat = new long[maxRequests];
      int[] n = new int[1];
      perThread.add(lat);
      counts.add(n);
      Thread worker = new Thread(() -> {
        try {
          int i;
          while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < maxRequests) {
            Req req = call.request(i);
            long t0 = System.nanoTime();
            Res res = send(req);
            long t1 = System.nanoTime();
            if (res.status() / 100 != 2) {
              errors.incrementAndGet();
              if (firstError.compareAndSet(0, 1)) {
                System.out.printf("  first error in %s: %s %s -> %d %s%n", name, req.method(), req.url(), res.status(),
                    res.body().length() > 400 ? res.body().substring(0, 400) : res.body());
              }
              outcomes.merge("HTTP " + res.status(), 1, Integer::sum);
            } else {
              lat[n[0]++] = t1 - t0;
              outcomes.merge(outcome(res.body()), 1, Integer::sum);
            }
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
          System.out.println("  client failed in " + name + ": " + e);
        } finally {
          done.countDown();
        }
      }, name + "-" + t);
      worker.start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = brokerCpuMillis() - cpuBefore;
    long jit = brokerJitCpuMillis() - jitBefore;
    long ownCpu = ownCpuNanos() - ownCpuBefore;
    long pgCpu = postgresCpuMillis(null) - pgCpuBefore;
    long dbCpu = postgresDb == null ? pgCpu : postgresCpuMillis(postgresDb) - dbCpuBefore;
    int total = counts.stream().mapToInt(c -> c[0]).sum();
    long[] all = new long[total];
    int k = 0;
    for (int t = 0; t < clients; t++) {
      System.arraycopy(perThread.get(t), 0, all, k, counts.get(t)[0]);
      k += counts.get(t)[0];
    }
    Arrays.sort(all);
    Result r = new Result(name, all, errors.get(), seconds, new TreeMap<>(outcomes));
    if (print) {
      System.out.printf("%s: %d ok, %d errors in %.1f s (%.1f req/s, %d clients)%n", name, total, errors.get(), seconds, total / seconds, clients);
      if (total > 0) {
        System.out.printf("  latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(all, 50), pct(all, 95), pct(all, 99), all[total - 1] / 1e6);
      }
      System.out.println("  outcomes: " + r.outcomes());
      if (brokerPid > 0 && total > 0) {
        System.out.printf("  broker JVM CPU: %.1f ms per request (%d ms in total; excludes PostgreSQL; of it the JIT compiler threads %d ms)%n",
            (double) cpu / (total + errors.get()), cpu, jit);
      }
      if (postgresCpu && total > 0) {
        System.out.printf("  PostgreSQL CPU: %.1f ms per request (%d ms in total; every postgres process on the machine, so other work on the same server counts too)%n",
            (double) pgCpu / (total + errors.get()), pgCpu);
        if (postgresDb != null) {
          System.out.printf("  PostgreSQL CPU of the backends serving %s: %.1f ms per request (%d ms in total)%n", postgresDb,
              (double) dbCpu / (total + errors.get()), dbCpu);
        }
      }
      if (ownCpu > 0 && total > 0) {
        System.out.printf("  load driver CPU: %.2f ms per request (%d ms in total)%n", ownCpu / 1e6 / (total + errors.get()), ownCpu / 1_000_000);
      }
      String loadAfter = loadAverage();
      System.out.printf("  load average (1 min) before / after: %s / %s%n", loadBefore, loadAfter);
      if (summary != null && total > 0) {
        int answers = total + errors.get();
        String row = String.join("\t", label, name, String.valueOf(clients), String.valueOf(total), String.valueOf(errors.get()),
            String.format("%.1f", total / seconds), String.format("%.1f", pct(all, 50)), String.format("%.1f", pct(all, 99)),
            brokerPid > 0 ? String.format("%.2f", (double) cpu / answers) : "-", postgresCpu ? String.format("%.2f", (double) dbCpu / answers) : "-",
            loadBefore + "-" + loadAfter);
        java.nio.file.Files.writeString(summary, row + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
    }
    return r;
  }

  /** The machine's 1-minute load average (/proc/loadavg), or "?" when unknown. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  /** User + system CPU time of the broker process so far, from /proc (Linux), in milliseconds; 0 when unknown. */
  private long brokerCpuMillis() {
    if (brokerPid <= 0) {
      return 0;
    }
    try {
      return cpuMillis(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + brokerPid + "/stat")));
    } catch (Exception e) {
      return 0;
    }
  }

  /** User + system CPU time in a /proc stat line (a process's or a thread's), in milliseconds (clock ticks of 10 ms). */
  private static long cpuMillis(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  /** User + system CPU time of the broker's JIT compiler threads (C1, C2) so far, from /proc, in milliseconds; 0 when unknown. */
  private long brokerJitCpuMillis() {
    if (brokerPid <= 0) {
      return 0;
    }
    long sum = 0;
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + brokerPid + "/task"))) {
      for (java.nio.file.Path task : tasks.toList()) {
        try {
          if (java.nio.file.Files.readString(task.resolve("comm")).contains("CompilerThre")) {
            sum += cpuMillis(java.nio.file.Files.readString(task.resolve("stat")));
          }
        } catch (Exception gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return sum;
  }

  /**
   * User + system CPU time of the local PostgreSQL server's processes (Linux /proc), in milliseconds: with {@code backendsOf} the
   * backends serving that database only (their command line names it), so that other work on the same server does not count;
   * with null every process named postgres (background writers and other databases' backends included).
   */
  private long postgresCpuMillis(String backendsOf) {
    if (!postgresCpu) {
      return 0;
    }
    long sum = 0;
    try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      for (java.nio.file.Path dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          String stat = java.nio.file.Files.readString(dir.resolve("stat"));
          if (stat.contains("(postgres)") && (backendsOf == null
              || new String(java.nio.file.Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).contains(" " + backendsOf + " "))) {
            sum += cpuMillis(stat);
          }
        } catch (Exception gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return sum;
  }

  /** This process's CPU time (all threads, JIT and GC included), or 0 when the JVM cannot tell. */
  private static long ownCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static double pct(long[] sorted, double p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
  }

  private static String outcome(String body) {
    if (body.contains("\"deployable\":true")) {
      return "deployable=true";
    }
    if (body.contains("\"deployable\":false")) {
      return "deployable=false";
    }
    if (body.contains("\"deployable\":null")) {
      return "deployable=unknown";
    }
    if (body.contains("\"pacts\"")) {
      int n = body.split("\"verificationProperties\"", -1).length - 1;
      return "pacts=" + n;
    }
    return "ok";
  }

  // ---- scenarios -------------------------------------------------------------------------------------------------------

  /** The CLI's request for can-i-deploy --pacticipant X --version SHA --to-environment production: a consumer or a provider version from the recent history. */
  private Req canIDeploy(int i) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    int p = 1 + rnd.nextInt(200);
    int n = vpp / 2 + 1 + rnd.nextInt(vpp - vpp / 2);
    String q = "q%5B%5D%5Bpacticipant%5D=" + name(p) + "&q%5B%5D%5Bversion%5D=" + number(p, n) + "&latestby=cvp&environment=production";
    return new Req("GET", base + "/matrix?" + q, null, null);
  }

  /** The verifier's request: POST for-verification with the recommended selectors and pending status. */
  private Req pactsForVerification(int i) {
    int p = 101 + ThreadLocalRandom.current().nextInt(100);
    String body = "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
        + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}";
    return new Req("POST", base + "/pacts/provider/" + name(p) + "/for-verification", "application/json", body);
  }

  /** pact broker publish: a new version of a consumer, on main, with new content for both of its providers. */
  private Req publish(int i) throws Exception {
    int c = 1 + ThreadLocalRandom.current().nextInt(100);
    String number = hex("bench:" + System.nanoTime() + ":" + i) + hex("load:" + i).substring(0, 8);
    StringBuilder contracts = new StringBuilder();
    for (int prov : new int[] {100 + c, 101 + (c + 36) % 100}) {
      String pact = "{\"consumer\":{\"name\":\"" + name(c) + "\"},\"provider\":{\"name\":\"" + name(prov) + "\"},\"interactions\":["
          + "{\"description\":\"load " + number + "\",\"providerState\":\"item exists\",\"request\":{\"method\":\"GET\",\"path\":\"/items/" + i
          + "\"},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":" + i + ",\"name\":\"n\"}}}],"
          + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";
      if (contracts.length() > 0) {
        contracts.append(',');
      }
      contracts.append("{\"consumerName\":\"").append(name(c)).append("\",\"providerName\":\"").append(name(prov))
          .append("\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\"")
          .append(Base64.getEncoder().encodeToString(pact.getBytes(StandardCharsets.UTF_8))).append("\"}");
    }
    String body = "{\"pacticipantName\":\"" + name(c) + "\",\"pacticipantVersionNumber\":\"" + number + "\",\"branch\":\"main\","
        + "\"tags\":[],\"buildUrl\":\"https://ci.example.com/load/" + i + "\",\"contracts\":[" + contracts + "]}";
    return new Req("POST", base + "/contracts/publish", "application/json", body);
  }

  // ---- the seed's naming (seed.sql) ------------------------------------------------------------------------------------

  static String name(int p) {
    return (p <= 100 ? "consumer-" : "provider-") + String.format("%03d", p);
  }

  static String number(int p, int n) {
    return hex(p + ":" + n) + hex(n + ":" + p).substring(0, 8);
  }

  static String hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
