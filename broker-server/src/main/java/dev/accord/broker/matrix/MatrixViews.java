package dev.accord.broker.matrix;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.matrix.DeployDecision.Reason;
import dev.accord.broker.matrix.DeployDecision.Row;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.version.VersionViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The matrix response in the Pact broker's JSON shape, and a plain-text form for humans. */
@Component
class MatrixViews {
  private final Links links;
  private final VersionViews versionViews;
  private final PacticipantViews pacticipantViews;
  private final PacticipantService pacticipants;
  private final VersionService versions;

  MatrixViews(Links links, VersionViews versionViews, PacticipantViews pacticipantViews, PacticipantService pacticipants, VersionService versions) {
    this.links = links;
    this.versionViews = versionViews;
    this.pacticipantViews = pacticipantViews;
    this.pacticipants = pacticipants;
    this.versions = versions;
  }

  @Transactional(readOnly = true)
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
    Map<Long, Map<String, Object>> summaries = new HashMap<>(); // a version appears in several rows: render (and query) it once
    body.put("matrix", d.rows().stream().limit(limit).map(r -> row(r, summaries)).toList());
    return body;
  }

  private Map<String, Object> row(Row r, Map<Long, Map<String, Object>> summaries) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> consumer = new LinkedHashMap<>();
    consumer.put("name", r.consumer().getName());
    consumer.put("version", summaries.computeIfAbsent(r.consumerVersion().getId(), id -> versionViews.summary(r.consumerVersion())));
    consumer.put("_links", Map.of("self", link(pacticipantViews.url(r.consumer()))));
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("name", r.provider().getName());
    provider.put("version", r.providerVersion() == null ? null
        : summaries.computeIfAbsent(r.providerVersion().getId(), id -> versionViews.summary(r.providerVersion())));
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
