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
 * Merges interactions into a pact file safely when test classes run in parallel, in one JVM (a lock per
 * file) and across Surefire forks (a {@link FileLock} on a lock file under the system temp directory, named
 * after the pact file's absolute path, so the pact directory holds nothing but pacts). Interactions are
 * keyed by description and provider states, ordered by that key, so the same tests give the same bytes.
 * Not public API.
 */
public final class PactFiles {
  private PactFiles() {}

  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
  /** What this JVM wrote per file and key, and which test declared it: conflicts across classes fail. */
  private static final Map<Path, Map<String, Written>> WRITTEN = new ConcurrentHashMap<>();

  /** An interaction and the test that declared it. */
  public record Written(Interaction interaction, String test) {}

  /** Forgets what this JVM wrote, as if the next write came from a later run (tests of the merge use it). */
  public static void startNewRun() {
    WRITTEN.clear();
  }

  /** The merge key: description and provider states with their parameters. */
  public static String key(Interaction interaction) {
    StringBuilder sb = new StringBuilder(interaction.description());
    interaction.providerStates().forEach(s -> sb.append('\u0000').append(s.name()).append('\u0000')
        .append(Json.write(Json.toTree(new TreeMap<>(s.params())))));
    return sb.toString();
  }

  /**
   * Two interactions with one key but different content, or null when they agree. Comments and the V4 key
   * are not content.
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
        parts.add("request (" + Reports.requestLine(ha.request()) + " vs " + Reports.requestLine(hb.request()) + ")");
      }
      if (!ha.response().equals(hb.response())) {
        parts.add("response (status " + ha.response().status() + " vs " + hb.response().status()
            + (ha.response().body().equals(hb.response().body()) ? "" : ", bodies differ") + ")");
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
    return "Two different interactions are declared as " + Reports.label(a) + ":\n"
        + "  first in:    " + first.test() + "\n"
        + "  then in:     " + second.test() + "\n"
        + "  they differ: " + String.join(", ", parts) + "\n"
        + "A pact holds one interaction per description and provider states, so one would silently replace the other.\n"
        + "  fix: give one of them another description (e.g. '" + a.description() + " (variant)') or other provider"
        + " states, or make them identical";
  }

  /**
   * Merges {@code interactions} into {@code file}: same key replaces what an earlier run wrote, new keys are
   * added, others are kept.
   *
   * @throws AssertionError when another test class in this JVM wrote a different interaction under one key
   */
  public static void merge(Path file, String consumer, String provider, List<Written> interactions,
      PactSpecification specification) {
    Path absolute = file.toAbsolutePath().normalize();
    Object jvmLock = JVM_LOCKS.computeIfAbsent(absolute, p -> new Object());
    synchronized (jvmLock) {
      Map<String, Written> written = WRITTEN.computeIfAbsent(absolute, p -> new ConcurrentHashMap<>());
      for (Written w : interactions) {
        Written earlier = written.get(key(w.interaction()));
        String conflict = earlier == null ? null : conflict(earlier, w);
        if (conflict != null) {
          throw new AssertionError(conflict + "\nNothing was written to " + absolute);
        }
      }
      try {
        Files.createDirectories(absolute.getParent());
        Path lockFile = lockFileFor(absolute);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          Map<String, Interaction> merged = new TreeMap<>();
          if (Files.exists(absolute) && Files.size(absolute) > 0) {
            Pact existing;
            try {
              existing = PactReader.read(absolute);
            } catch (PactFormatException e) {
              throw new AssertionError("Cannot merge into the existing pact file " + absolute + ": " + e.getMessage()
                  + "\n  fix: delete the file (it is rebuilt from the tests) or restore it", e);
            }
            for (Interaction i : existing.interactions()) {
              merged.put(key(i), i);
            }
          }
          for (Written w : interactions) {
            merged.put(key(w.interaction()), w.interaction());
            written.put(key(w.interaction()), w);
          }
          List<Interaction> all = new ArrayList<>(merged.values());
          if (specification == PactSpecification.V3) {
            boolean http = all.stream().anyMatch(i -> i instanceof HttpInteraction);
            boolean messages = all.stream().anyMatch(i -> !(i instanceof HttpInteraction));
            if (http && messages) {
              throw new AssertionError("A V3 pact file holds either HTTP interactions or messages, and " + absolute
                  + " would hold both (consumer '" + consumer + "', provider '" + provider + "').\n"
                  + "  fix: write V4 (the default), or declare messages under another provider name");
            }
          }
          Pact pact = new Pact(Pacticipant.of(consumer), Pacticipant.of(provider), all, specification, Map.of());
          String json = PactWriter.toJson(pact, specification);
          Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
          Files.writeString(tmp, json, StandardCharsets.UTF_8);
          try {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the pact file " + absolute + ": " + e.getMessage(), e);
      }
    }
  }

  /** One lock file per pact file, shared by every JVM on this machine, outside the pact directory. */
  private static Path lockFileFor(Path pactFile) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "accord-pact-locks");
    Files.createDirectories(dir);
    String name = pactFile.getFileName() + "-" + Integer.toHexString(pactFile.toString().hashCode()) + ".lock";
    return dir.resolve(name);
  }
}
