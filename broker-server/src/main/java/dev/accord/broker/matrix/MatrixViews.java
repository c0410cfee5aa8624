package dev.accord.broker.matrix;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.matrix.DeployDecision.Reason;
import dev.accord.broker.matrix.DeployDecision.Row;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The matrix response in the Pact broker's JSON shape, and a plain-text form for humans. */
@Component
class MatrixViews {
  private final Links links;
  private final VersionViews versionViews;
  private final PacticipantViews pacticipantViews;
  private final MatrixRows rows;

  MatrixViews(Links links, VersionViews versionViews, PacticipantViews pacticipantViews, MatrixRows rows) {
    this.links = links;
    this.versionViews = versionViews;
    this.pacticipantViews = pacticipantViews;
    this.rows = rows;
  }

  /** No transaction: the rows are already loaded, and the branches and tags of their versions are one statement. */
  Map<String, Object> json(DeployDecision d, int limit) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("deployable", d.deployable());
    summary.put("reason", String.join("\n", d.reasons().stream().map(Reason::text).toList()));
    summary.put("success", d.success());
    summary.put("failed", d.failed());
    summary.put("unknown", d.unknown());
    if (d.ignoresGiven()) {
      summary.put("ignored", d.ignored());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("summary", summary);
    body.put("notices", d.reasons().stream().map(r -> Map.of("type", r.type(), "text", r.text())).toList());
    List<Row> shown = d.rows().stream().limit(limit).toList();
    Set<Long> versionIds = new LinkedHashSet<>();
    for (Row r : shown) {
      versionIds.add(r.consumerVersion().getId());
      if (r.providerVersion() != null) {
        versionIds.add(r.providerVersion().getId());
      }
    }
    MatrixRows.Labels labels = rows.labels(versionIds);
    Map<Long, Map<String, Object>> summaries = new HashMap<>(); // a version appears in several rows: render it once
    body.put("matrix", shown.stream().map(r -> row(r, summaries, labels)).toList());
    return body;
  }

  /** The version as {@link VersionViews#summary} renders it (number, branch, branches, tags, self link), from labels loaded for all rows at once. */
  private Map<String, Object> summary(Pacticipant p, Version v, MatrixRows.Labels labels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", v.getNumber());
    List<String> branchNames = labels.branches().getOrDefault(v.getId(), List.of());
    m.put("branch", branchNames.isEmpty() ? null : branchNames.get(branchNames.size() - 1));
    m.put("branches", branchNames.stream().map(b -> Map.of("name", b)).toList());
    m.put("tags", labels.tags().getOrDefault(v.getId(), List.of()).stream().map(t -> Map.of("name", t)).toList());
    m.put("_links", Map.of("self", link(versionViews.url(p, v))));
    return m;
  }

  private Map<String, Object> row(Row r, Map<Long, Map<String, Object>> summaries, MatrixRows.Labels labels) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> consumer = new LinkedHashMap<>();
    consumer.put("name", r.consumer().getName());
    consumer.put("version", summaries.computeIfAbsent(r.consumerVersion().getId(), id -> summary(r.consumer(), r.consumerVersion(), labels)));
    consumer.put("_links", Map.of("self", link(pacticipantViews.url(r.consumer()))));
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("name", r.provider().getName());
    provider.put("version", r.providerVersion() == null ? null
        : summaries.computeIfAbsent(r.providerVersion().getId(), id -> summary(r.provider(), r.providerVersion(), labels)));
    provider.put("_links", Map.of("self", link(pacticipantViews.url(r.provider()))));
    m.put("consumer", consumer);
    m.put("provider", provider);
    m.put("pact", Map.of("createdAt", Hal.timestamp(r.publication().getCreatedAt()),
        "_links", Map.of("self", link(links.url("/pacts/provider/{}/consumer/{}/version/{}", r.provider().getName(), r.consumer().getName(),
            r.consumerVersion().getNumber())))));
    if (r.verification() == null) {
      m.put("verificationResult", null);
    } else {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("success", r.verification().isSuccess());
      v.put("verifiedAt", Hal.timestamp(r.verification().getCreatedAt()));
      v.put("_links", Map.of("self", link(rowVerificationUrl(r))));
      m.put("verificationResult", v);
    }
    if (r.ignored()) {
      m.put("ignored", true);
    }
    return m;
  }

  String rowVerificationUrl(Row r) {
    return links.url("/pacts/provider/{}/consumer/{}/pact-version/{}/verification-results/{}", r.provider().getName(), r.consumer().getName(),
        r.content().getSha(), r.verification().getId());
  }

  String text(DeployDecision d, int limit) {
    StringBuilder sb = new StringBuilder();
    String verdict = d.deployable() == null ? "unknown" : d.deployable() ? "yes" : "no";
    sb.append("Computer says ").append(verdict).append(d.deployable() != null && d.deployable() ? " \\o/" : "").append("\n\n");
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT"});
    for (Row r : d.rows().stream().limit(limit).toList()) {
      table.add(new String[] {r.consumer().getName(), r.consumerVersion().getNumber(), r.provider().getName(),
          r.providerVersion() == null ? "???" : r.providerVersion().getNumber(),
          r.ignored() ? "ignored" : r.verification() == null ? "???" : String.valueOf(r.verification().isSuccess()),
          r.verification() == null ? "" : String.valueOf(r.verification().getId())});
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
      sb.append(r.type().toUpperCase(java.util.Locale.ROOT)).append(": ").append(r.text()).append("\n");
    }
    return sb.toString();
  }
}
