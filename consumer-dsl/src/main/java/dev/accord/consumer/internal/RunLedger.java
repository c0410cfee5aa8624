package dev.accord.consumer.internal;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which test wrote which interaction key into one pact file during one test run, shared by every
 * JVM of the run through a small JSON file next to the pact file's lock (read and written under
 * that lock). A ledger of another run, or one that cannot be read, counts as empty: it can only
 * hide a conflict, never invent one. Not public API.
 */
final class RunLedger {
  private RunLedger() {}

  /** The test that wrote a key, and the JVM it ran in. */
  record Entry(String test, long pid) {
    static Entry mine(String test) {
      return new Entry(test, ProcessHandle.current().pid());
    }

    /** The test, naming its JVM when it is not this one. */
    String describe() {
      return pid == ProcessHandle.current().pid()
          ? test
          : test + " (in another JVM, pid " + pid + ")";
    }
  }

  /**
   * The keys written in {@code run}; empty when the file is missing, unreadable or from another
   * run.
   */
  static Map<String, Entry> read(Path file, String run) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    try {
      JsonNode root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!run.equals(root.path("run").asString(""))) {
        return entries;
      }
      for (Map.Entry<String, JsonNode> e : root.path("interactions").properties()) {
        entries.put(
            e.getKey(),
            new Entry(
                e.getValue().path("test").asString("?"), e.getValue().path("pid").asLong(-1)));
      }
    } catch (IOException | JacksonException e) {
      entries.clear();
    }
    return entries;
  }

  static void write(Path file, String run, Map<String, Entry> entries) throws IOException {
    ObjectNode root = Json.nodes().objectNode();
    root.put("run", run);
    ObjectNode interactions = root.putObject("interactions");
    entries.forEach(
        (key, entry) ->
            interactions.putObject(key).put("test", entry.test()).put("pid", entry.pid()));
    Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
  }
}
