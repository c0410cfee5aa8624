package dev.accord.broker.matrix;

import dev.accord.broker.matrix.DeployDecision.Reason;
import dev.accord.broker.matrix.DeployDecision.Row;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.providercontract.BidirectionalResult;
import dev.accord.broker.providercontract.ComparisonOutcome;
import dev.accord.broker.providercontract.ProviderContractViews;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The matrix response in the Pact broker's JSON shape, and a plain-text form for humans. */
@Component
class MatrixViews {
  private final Links links;
  private final VersionViews versionViews;
  private final PacticipantViews pacticipantViews;
  private final MatrixRows rows;
  private final JsonMapper mapper;
  private final ProviderContractViews contractViews;

  MatrixViews(
      Links links,
      VersionViews versionViews,
      PacticipantViews pacticipantViews,
      MatrixRows rows,
      JsonMapper mapper,
      ProviderContractViews contractViews) {
    this.contractViews = contractViews;
    this.links = links;
    this.versionViews = versionViews;
    this.pacticipantViews = pacticipantViews;
    this.rows = rows;
    this.mapper = mapper;
  }

  /**
   * The matrix response (summary, notices, and the shown rows with their versions' branches and
   * tags: those the answer's statements read along with the versions, the others in one statement
   * here), written straight to a buffer with a streaming generator: no Map tree per row and
   * version, and no trip through the message-converter layer (the broker's hottest answer;
   * benchmarks/HISTORY.md, third pass).
   */
  byte[] jsonBytes(DeployDecision d, Map<Long, MatrixRows.Labels> read, int limit) {
    List<Row> shown = d.rows().stream().limit(limit).toList();
    Set<Long> missing = new LinkedHashSet<>();
    for (Row r : shown) {
      missing.add(r.consumerVersion().getId());
      if (r.providerVersion() != null) {
        missing.add(r.providerVersion().getId());
      }
    }
    missing.removeAll(read.keySet());
    Map<Long, MatrixRows.Labels> labels = read;
    if (!missing.isEmpty()) {
      labels = new HashMap<>(read);
      labels.putAll(rows.labels(missing));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 1024 * shown.size());
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      g.writeName("summary");
      g.writeStartObject();
      writeBoolean(g, "deployable", d.deployable());
      g.writeStringProperty(
          "reason", String.join("\n", d.reasons().stream().map(Reason::text).toList()));
      g.writeNumberProperty("success", d.success());
      g.writeNumberProperty("failed", d.failed());
      g.writeNumberProperty("unknown", d.unknown());
      if (d.ignoresGiven()) {
        g.writeNumberProperty("ignored", d.ignored());
      }
      g.writeEndObject();
      g.writeName("notices");
      g.writeStartArray();
      for (Reason r : d.reasons()) {
        g.writeStartObject();
        g.writeStringProperty("type", r.type());
        g.writeStringProperty("text", r.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("matrix");
      g.writeStartArray();
      for (Row r : shown) {
        writeRow(g, r, labels);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeBoolean(JsonGenerator g, String name, Boolean value) {
    g.writeName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeBoolean(value);
    }
  }

  private static void writeLinks(JsonGenerator g, String href) {
    g.writeName("_links");
    g.writeStartObject();
    g.writeName("self");
    g.writeStartObject();
    g.writeStringProperty("href", href);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeRow(JsonGenerator g, Row r, Map<Long, MatrixRows.Labels> labels) {
    g.writeStartObject();
    g.writeName("consumer");
    g.writeStartObject();
    g.writeStringProperty("name", r.consumer().getName());
    g.writeName("version");
    writeVersion(g, r.consumer(), r.consumerVersion(), labels);
    writeLinks(g, pacticipantViews.url(r.consumer()));
    g.writeEndObject();
    g.writeName("provider");
    g.writeStartObject();
    g.writeStringProperty("name", r.provider().getName());
    g.writeName("version");
    if (r.providerVersion() == null) {
      g.writeNull();
    } else {
      writeVersion(g, r.provider(), r.providerVersion(), labels);
    }
    writeLinks(g, pacticipantViews.url(r.provider()));
    g.writeEndObject();
    g.writeName("pact");
    g.writeStartObject();
    g.writeStringProperty("createdAt", Hal.timestamp(r.publication().getCreatedAt()));
    writeLinks(
        g,
        links.url(
            "/pacts/provider/{}/consumer/{}/version/{}",
            r.provider().getName(),
            r.consumer().getName(),
            r.consumerVersion().getNumber()));
    g.writeEndObject();
    g.writeName("verificationResult");
    if (r.verifiedBidirectionally()) {
      writeBidirectional(g, r);
    } else if (r.verification() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeBooleanProperty("success", r.verification().isSuccess());
      g.writeStringProperty("verifiedAt", Hal.timestamp(r.verification().getCreatedAt()));
      writeLinks(g, rowVerificationUrl(r));
      g.writeEndObject();
    }
    if (r.ignored()) {
      g.writeBooleanProperty("ignored", true);
    }
    g.writeEndObject();
  }

  /**
   * A row decided by a provider contract: {@code verifiedBy: "bi-directional"}, the contract's
   * self-verification and the comparison (compatible, the incompatibilities); {@code self} is the
   * comparison resource.
   */
  private void writeBidirectional(JsonGenerator g, Row r) {
    BidirectionalResult b = r.bidirectional();
    String provider = r.provider().getName();
    String version = r.providerVersion().getNumber();
    g.writeStartObject();
    g.writeBooleanProperty("success", b.success());
    g.writeStringProperty("verifiedAt", Hal.timestamp(b.comparison().comparedAt()));
    g.writeStringProperty("verifiedBy", "bi-directional");
    g.writeName("providerContract");
    g.writeStartObject();
    g.writeStringProperty("contentSha", b.contractSha());
    g.writeName("selfVerification");
    g.writeStartObject();
    g.writeBooleanProperty("published", b.selfVerificationPublished());
    g.writeBooleanProperty("success", b.selfVerificationPublished() && b.selfVerificationSuccess());
    g.writeEndObject();
    g.writeName("comparison");
    g.writeStartObject();
    g.writeBooleanProperty("compatible", b.comparison().compatible());
    g.writeName("incompatibilities");
    g.writeStartArray();
    for (ComparisonOutcome.Finding f : b.comparison().errors()) {
      g.writeStartObject();
      g.writeStringProperty("code", f.code());
      g.writeStringProperty("interaction", f.interaction());
      g.writeStringProperty("pactPath", f.pactPath());
      g.writeStringProperty("documentPointer", f.documentPointer());
      g.writeStringProperty("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeName("_links");
    g.writeStartObject();
    g.writeName("self");
    g.writeStartObject();
    g.writeStringProperty(
        "href",
        contractViews.comparisonUrl(
            provider, version, r.consumer().getName(), r.content().getSha()));
    g.writeEndObject();
    g.writeName("pf:provider-contract");
    g.writeStartObject();
    g.writeStringProperty("href", contractViews.contractUrl(provider, version));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeVersion(
      JsonGenerator g, Pacticipant p, Version v, Map<Long, MatrixRows.Labels> labels) {
    g.writeStartObject();
    g.writeStringProperty("number", v.getNumber());
    MatrixRows.Labels named = labels.getOrDefault(v.getId(), MatrixRows.Labels.NONE);
    List<String> branchNames = named.branches();
    g.writeName("branch");
    if (branchNames.isEmpty()) {
      g.writeNull();
    } else {
      g.writeString(branchNames.get(branchNames.size() - 1));
    }
    writeNames(g, "branches", branchNames);
    writeNames(g, "tags", named.tags());
    writeLinks(g, versionViews.url(p, v));
    g.writeEndObject();
  }

  private static void writeNames(JsonGenerator g, String field, List<String> names) {
    g.writeName(field);
    g.writeStartArray();
    for (String n : names) {
      g.writeStartObject();
      g.writeStringProperty("name", n);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  String rowVerificationUrl(Row r) {
    return links.url(
        "/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}",
        r.provider().getName(),
        r.consumer().getName(),
        r.content().getSha(),
        r.verification().getId());
  }

  String text(DeployDecision d, int limit) {
    StringBuilder sb = new StringBuilder();
    String verdict = d.deployable() == null ? "unknown" : d.deployable() ? "yes" : "no";
    sb.append("Computer says ")
        .append(verdict)
        .append(d.deployable() != null && d.deployable() ? " \\o/" : "")
        .append("\n\n");
    List<String[]> table = new ArrayList<>();
    table.add(
        new String[] {"CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT"});
    for (Row r : d.rows().stream().limit(limit).toList()) {
      table.add(
          new String[] {
            r.consumer().getName(),
            r.consumerVersion().getNumber(),
            r.provider().getName(),
            r.providerVersion() == null ? "???" : r.providerVersion().getNumber(),
            r.ignored() ? "ignored" : r.success() == null ? "???" : String.valueOf(r.success()),
            r.verifiedBidirectionally()
                ? "bi-directional"
                : r.verification() == null ? "" : String.valueOf(r.verification().getId())
          });
    }
    int[] widths = new int[6];
    for (String[] row : table) {
      for (int i = 0; i < 6; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : table) {
      for (int i = 0; i < 6; i++) {
        sb.append(String.format("%-" + widths[i] + "s", row[i])).append(i < 5 ? " | " : "\n");
      }
    }
    if (d.rows().isEmpty()) {
      sb.append("(no rows)\n");
    }
    sb.append("\n");
    for (Reason r : d.reasons()) {
      sb.append(r.type().toUpperCase(java.util.Locale.ROOT))
          .append(": ")
          .append(r.text())
          .append("\n");
    }
    return sb.toString();
  }
}
