package dev.accord.consumer.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.json.PactWriter;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.Pacticipant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Merges interactions into a pact file safely when test classes run in parallel, in one JVM (a lock
 * per file) and across Surefire forks (a {@link FileLock} on a lock file under the system temp
 * directory, named after the pact file's absolute path, so the pact directory holds nothing but
 * pacts). Interactions are keyed by description and provider states, ordered by that key, so the
 * same tests give the same bytes.
 *
 * <p>Conflicts: next to the lock file, a run ledger records which test wrote which key <em>in this
 * run</em> (see {@link #runId()}). A key written earlier in the same run, by any thread or JVM,
 * with different content fails the merge; a key the ledger does not list for this run (a pact file
 * left by an earlier run) is simply replaced. Not public API.
 */
public final class PactFiles {
  private PactFiles() {}

  /**
   * System property naming the test run explicitly (every JVM of one build must get the same
   * value).
   */
  public static final String RUN_ID_PROPERTY = "accord.run.id";

  /** Environment variable naming the test run explicitly. */
  public static final String RUN_ID_ENV = "ACCORD_RUN_ID";

  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
  private static volatile String runId;

  /** An interaction and the test that declared it. */
  public record Written(Interaction interaction, String test) {}

  /**
   * Starts a new run in this JVM, as if the next write came from a later build (tests of the merge
   * use it).
   */
  public static void startNewRun() {
    runId = "jvm-run:" + java.util.UUID.randomUUID();
  }

  /**
   * The test run this JVM belongs to: the system property {@value #RUN_ID_PROPERTY}, else the
   * environment variable {@value #RUN_ID_ENV}, else the Maven process this JVM descends from (every
   * Surefire fork of one {@code mvn} invocation shares it), else this JVM alone.
   */
  public static String runId() {
    String id = runId;
    if (id == null) {
      synchronized (PactFiles.class) {
        if (runId == null) {
          String[] detected = detect();
          runId = detected[0];
          System.getLogger("dev.accord.consumer")
              .log(
                  System.Logger.Level.INFO,
                  () ->
                      "Accord: test run "
                          + detected[0]
                          + " (from "
                          + detected[1]
                          + "); a conflicting duplicate interaction fails only within one run");
        }
        id = runId;
      }
    }
    return id;
  }

  /**
   * The run id from the property, the environment or the process tree, ignoring {@link
   * #startNewRun()}.
   */
  public static String detectRunId() {
    return detect()[0];
  }

  /** The run id and where it came from. */
  private static String[] detect() {
    String property = System.getProperty(RUN_ID_PROPERTY);
    if (property != null && !property.isBlank()) {
      return new String[] {property.strip(), "system property " + RUN_ID_PROPERTY};
    }
    String env = System.getenv(RUN_ID_ENV);
    if (env != null && !env.isBlank()) {
      return new String[] {env.strip(), "environment variable " + RUN_ID_ENV};
    }
    java.util.Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
    for (int depth = 0; ancestor.isPresent() && depth < 16; depth++) {
      ProcessHandle process = ancestor.get();
      if (isMavenLauncher(process)) {
        return new String[] {
          "maven:" + identity(process), "the mvn process " + process.pid() + " this JVM runs under"
        };
      }
      ancestor = process.parent();
    }
    return new String[] {
      "jvm:" + identity(ProcessHandle.current()),
      "this JVM alone: no mvn process above it; set "
          + RUN_ID_PROPERTY
          + " to share a run between JVMs"
    };
  }

  /**
   * One {@code mvn} invocation (its JVM runs the classworlds launcher or the Maven wrapper's main).
   */
  private static boolean isMavenLauncher(ProcessHandle process) {
    return process
        .info()
        .arguments()
        .map(java.util.Arrays::asList)
        .map(
            args ->
                args.contains("org.codehaus.plexus.classworlds.launcher.Launcher")
                    || args.contains("org.apache.maven.wrapper.MavenWrapperMain"))
        .orElse(false);
  }

  private static String identity(ProcessHandle process) {
    return process.pid()
        + "@"
        + process.info().startInstant().map(i -> String.valueOf(i.toEpochMilli())).orElse("?");
  }

  /** The merge key: description and provider states with their parameters. */
  public static String key(Interaction interaction) {
    StringBuilder sb = new StringBuilder(interaction.description());
    interaction
        .providerStates()
        .forEach(
            s ->
                sb.append('\u0000')
                    .append(s.name())
                    .append('\u0000')
                    .append(Json.write(Json.toTree(new TreeMap<>(s.params())))));
    return sb.toString();
  }

  /**
   * Two interactions with one key but different content, or null when they agree. Comments and the
   * V4 key are not content.
   */
  public static String conflict(Written first, Written second) {
    Interaction a = first.interaction();
    Interaction b = second.interaction();
    if (a.equals(b)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (!a.type().equals(b.type())) {
      parts.add("kind (" + a.type() + " vs " + b.type() + ")");
    } else if (a instanceof HttpInteraction ha && b instanceof HttpInteraction hb) {
      if (!ha.request().equals(hb.request())) {
        parts.add(
            "request ("
                + Reports.requestLine(ha.request())
                + " vs "
                + Reports.requestLine(hb.request())
                + ")");
      }
      if (!ha.response().equals(hb.response())) {
        parts.add(
            "response (status "
                + ha.response().status()
                + " vs "
                + hb.response().status()
                + (ha.response().body().equals(hb.response().body()) ? "" : ", bodies differ")
                + ")");
      }
      if (ha.pending() != hb.pending()) {
        parts.add("pending flag");
      }
      if (!ha.key().equals(hb.key())) {
        parts.add("key");
      }
      if (parts.isEmpty()) {
        return null;
      }
    } else {
      parts.add("content");
    }
    return "Two different interactions are declared as "
        + Reports.label(a)
        + ":\n"
        + "  first in:    "
        + first.test()
        + "\n"
        + "  then in:     "
        + second.test()
        + "\n"
        + "  they differ: "
        + String.join(", ", parts)
        + "\n"
        + "A pact holds one interaction per description and provider states, so one would silently replace the other.\n"
        + "  fix: give one of them another description (e.g. '"
        + a.description()
        + " (variant)') or other provider"
        + " states, or make them identical";
  }

  /**
   * Merges {@code interactions} into {@code file}: same key replaces what an earlier run wrote, new
   * keys are added, others are kept.
   *
   * @throws AssertionError when another test class of this run (in this JVM or another) wrote a
   *     different interaction under one key; nothing is written then
   */
  public static void merge(
      Path file,
      String consumer,
      String provider,
      List<Written> interactions,
      PactSpecification specification) {
    Path absolute = file.toAbsolutePath().normalize();
    Object jvmLock = JVM_LOCKS.computeIfAbsent(absolute, p -> new Object());
    synchronized (jvmLock) {
      try {
        Files.createDirectories(absolute.getParent());
        Path lockFile = lockFileFor(absolute);
        Path ledgerFile =
            lockFile.resolveSibling(
                lockFile.getFileName().toString().replaceFirst("\\.lock$", ".run.json"));
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          String run = runId();
          Map<String, RunLedger.Entry> ledger = RunLedger.read(ledgerFile, run);
          Map<String, Interaction> merged = new TreeMap<>();
          if (Files.exists(absolute) && Files.size(absolute) > 0) {
            Pact existing;
            try {
              existing = PactReader.read(absolute);
            } catch (PactFormatException e) {
              throw new AssertionError(
                  "Cannot merge into the existing pact file "
                      + absolute
                      + ": "
                      + e.getMessage()
                      + "\n  fix: delete the file (it is rebuilt from the tests) or restore it",
                  e);
            }
            for (Interaction i : existing.interactions()) {
              merged.put(key(i), i);
            }
          }
          for (Written w : interactions) {
            String key = key(w.interaction());
            RunLedger.Entry earlier = ledger.get(key);
            Interaction earlierInteraction = merged.get(key);
            if (earlier != null && earlierInteraction != null) {
              String conflict = conflict(new Written(earlierInteraction, earlier.describe()), w);
              if (conflict != null) {
                throw new AssertionError(conflict + "\nNothing was written to " + absolute);
              }
            }
          }
          for (Written w : interactions) {
            merged.put(key(w.interaction()), w.interaction());
            ledger.put(key(w.interaction()), RunLedger.Entry.mine(w.test()));
          }
          List<Interaction> all = new ArrayList<>(merged.values());
          if (specification == PactSpecification.V3) {
            boolean http = all.stream().anyMatch(i -> i instanceof HttpInteraction);
            boolean messages = all.stream().anyMatch(i -> !(i instanceof HttpInteraction));
            if (http && messages) {
              throw new AssertionError(
                  "A V3 pact file holds either HTTP interactions or messages, and "
                      + absolute
                      + " would hold both (consumer '"
                      + consumer
                      + "', provider '"
                      + provider
                      + "').\n"
                      + "  fix: write V4 (the default), or declare messages under another provider name");
            }
          }
          Pact pact =
              new Pact(
                  Pacticipant.of(consumer), Pacticipant.of(provider), all, specification, Map.of());
          String json = PactWriter.toJson(pact, specification);
          Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
          Files.writeString(tmp, json, StandardCharsets.UTF_8);
          try {
            Files.move(
                tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
          }
          RunLedger.write(ledgerFile, run, ledger);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot write the pact file " + absolute + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * One lock file per pact file, shared by every JVM on this machine, outside the pact directory.
   */
  private static Path lockFileFor(Path pactFile) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "accord-pact-locks");
    Files.createDirectories(dir);
    String name =
        pactFile.getFileName()
            + "-"
            + Integer.toHexString(pactFile.toString().hashCode())
            + ".lock";
    return dir.resolve(name);
  }
}
