package dev.accord.contract.conformance;

import dev.accord.contract.validate.Violation;
import dev.accord.pact.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of a conformance run: every case, the coverage of the document, and the verdict.
 * {@link #toJson()} is the self-verification result a broker stores beside the document
 * (self-describing: the tool and its version, the document and its content hash, the provider, the
 * seed, every case and the outcome).
 *
 * @param tool {@code accord verify-openapi}
 * @param toolVersion the Accord version
 * @param documentLocation where the document was read from
 * @param documentTitle its {@code info.title}
 * @param documentVersion its {@code info.version}
 * @param openApiVersion its {@code openapi} field
 * @param documentSha256 the SHA-256 of the document's bytes as read (hex)
 * @param providerBaseUrl where the provider ran
 * @param seed the seed of generated values
 * @param results every case that was selected, in document order
 * @param coverage operations and responses verified, skipped, filtered out; statuses answered but
 *     not documented
 * @param fatalError why the run could not happen at all, if it could not
 */
public record ConformanceReport(
    String tool,
    String toolVersion,
    String documentLocation,
    String documentTitle,
    String documentVersion,
    String openApiVersion,
    String documentSha256,
    String providerBaseUrl,
    long seed,
    List<CaseResult> results,
    Coverage coverage,
    Optional<String> fatalError) {

  /**
   * What the run covered.
   *
   * @param operations the document's operations
   * @param operationsVerified operations with at least one case that ran (passed or failed)
   * @param responses the documented responses (operation x response key)
   * @param responsesVerified responses whose case ran
   * @param responsesSkipped responses whose case was skipped or not run
   * @param responsesFilteredOut responses left out by the filters
   * @param undocumented {@code METHOD /path -> status} answers whose status the document does not
   *     describe
   */
  public record Coverage(
      int operations,
      int operationsVerified,
      int responses,
      int responsesVerified,
      int responsesSkipped,
      int responsesFilteredOut,
      SortedSet<String> undocumented) {

    /** Two lines for the console. */
    public String describe() {
      return "Coverage: "
          + operationsVerified
          + " of "
          + operations
          + " operations verified; "
          + responses
          + " documented responses: "
          + responsesVerified
          + " verified, "
          + responsesSkipped
          + " skipped, "
          + responsesFilteredOut
          + " filtered out\n"
          + "Answered but not documented: "
          + (undocumented.isEmpty() ? "none" : String.join(", ", undocumented));
    }
  }

  public ConformanceReport {
    results = List.copyOf(results);
  }

  public long count(CaseResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /**
   * Whether the provider conforms: no case failed and the run happened. Skipped cases do not fail
   * it.
   */
  public boolean passed() {
    return fatalError.isEmpty() && count(CaseResult.Outcome.FAILED) == 0;
  }

  /** {@code 4 cases: 3 passed, 1 failed, 0 skipped, 0 not run}, and the verdict. */
  public String summary() {
    if (fatalError.isPresent()) {
      return "The provider could not be verified against " + documentLocation + ".";
    }
    return results.size()
        + (results.size() == 1 ? " case: " : " cases: ")
        + count(CaseResult.Outcome.PASSED)
        + " passed, "
        + count(CaseResult.Outcome.FAILED)
        + " failed, "
        + count(CaseResult.Outcome.SKIPPED)
        + " skipped, "
        + count(CaseResult.Outcome.NOT_RUN)
        + " not run. "
        + (passed() ? "The provider conforms to " : "The provider does NOT conform to ")
        + documentLocation
        + ".";
  }

  /** The report as JSON: the self-verification result of the document. */
  public ObjectNode toJson() {
    ObjectNode root = Json.nodes().objectNode();
    ObjectNode t = root.putObject("tool");
    t.put("name", tool);
    t.put("version", toolVersion);
    ObjectNode d = root.putObject("document");
    d.put("location", documentLocation);
    d.put("title", documentTitle);
    d.put("version", documentVersion);
    d.put("openapi", openApiVersion);
    d.put("sha256", documentSha256);
    root.putObject("provider").put("baseUrl", providerBaseUrl);
    root.put("seed", seed);
    root.put("outcome", passed() ? "passed" : "failed");
    fatalError.ifPresent(e -> root.put("error", e));
    ObjectNode s = root.putObject("summary");
    s.put("cases", results.size());
    s.put("passed", count(CaseResult.Outcome.PASSED));
    s.put("failed", count(CaseResult.Outcome.FAILED));
    s.put("skipped", count(CaseResult.Outcome.SKIPPED));
    s.put("notRun", count(CaseResult.Outcome.NOT_RUN));
    ObjectNode c = root.putObject("coverage");
    c.put("operations", coverage.operations());
    c.put("operationsVerified", coverage.operationsVerified());
    c.put("responses", coverage.responses());
    c.put("responsesVerified", coverage.responsesVerified());
    c.put("responsesSkipped", coverage.responsesSkipped());
    c.put("responsesFilteredOut", coverage.responsesFilteredOut());
    ArrayNode undocumented = c.putArray("undocumented");
    coverage.undocumented().forEach(undocumented::add);
    ArrayNode cases = root.putArray("cases");
    for (CaseResult r : results) {
      ObjectNode n = cases.addObject();
      n.put("name", r.name());
      if (r.operationId() != null) {
        n.put("operationId", r.operationId());
      }
      n.put("method", r.method());
      n.put("path", r.path());
      n.put("status", r.status());
      ArrayNode states = n.putArray("states");
      r.states().forEach(states::add);
      n.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace("_", " "));
      if (!r.reason().isEmpty()) {
        n.put("reason", r.reason());
      }
      if (!r.request().isEmpty()) {
        n.put("request", r.request());
        n.put("curl", r.curl());
      }
      if (r.responseStatus() > 0) {
        n.put("responseStatus", r.responseStatus());
      }
      ArrayNode violations = n.putArray("violations");
      for (Violation v : r.violations()) {
        ObjectNode vn = violations.addObject();
        vn.put("code", v.code());
        vn.put("path", v.path());
        vn.put("pointer", v.pointer());
        vn.put("message", v.message());
      }
      ArrayNode failures = n.putArray("failures");
      r.failures().forEach(failures::add);
      n.put("millis", r.millis());
    }
    return root;
  }
}
