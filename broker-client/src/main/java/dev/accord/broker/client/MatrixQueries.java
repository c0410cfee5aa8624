package dev.accord.broker.client;

import dev.accord.broker.client.internal.Hal;
import dev.accord.broker.client.internal.HalTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The matrix query string (as the standard Pact CLI builds it) and the reading of its answer. */
final class MatrixQueries {
  private static final String Q = "q%5B%5D%5B";
  private static final String IGNORE = "ignore%5B%5D%5B";
  private static final String END = "%5D=";

  private MatrixQueries() {}

  static String queryString(CanIDeployQuery query) {
    List<String> parts = new ArrayList<>();
    for (MatrixSelector s : query.selectors()) {
      parts.add(Q + "pacticipant" + END + Hal.encode(s.pacticipant()));
      if (s.version() != null) {
        parts.add(Q + "version" + END + Hal.encode(s.version()));
      }
      if (s.latest()) {
        parts.add(Q + "latest" + END + "true");
      }
      if (s.tag() != null) {
        parts.add(Q + "tag" + END + Hal.encode(s.tag()));
      }
      if (s.branch() != null) {
        parts.add(Q + "branch" + END + Hal.encode(s.branch()));
      }
      if (s.mainBranch()) {
        parts.add(Q + "mainBranch" + END + "true");
      }
    }
    for (MatrixSelector i : query.ignore()) {
      parts.add(IGNORE + "pacticipant" + END + Hal.encode(i.pacticipant()));
      if (i.version() != null) {
        parts.add(IGNORE + "version" + END + Hal.encode(i.version()));
      }
    }
    if (query.toTag() != null) {
      parts.add("tag=" + Hal.encode(query.toTag()));
    }
    boolean toEnvironment = query.toEnvironment() != null;
    parts.add("latestby=" + (toEnvironment || query.selectors().size() > 1 ? "cvpv" : "cvp"));
    if (toEnvironment) {
      parts.add("environment=" + Hal.encode(query.toEnvironment()));
    } else if (query.selectors().size() == 1) {
      parts.add("latest=true");
    }
    if (query.mainBranch()) {
      parts.add("mainBranch=true");
    }
    return String.join("&", parts);
  }

  static DeployDecision decision(JsonNode body, String text, String url) {
    JsonNode summary = body.path("summary");
    JsonNode matrix = body.path("matrix");
    if (summary.isMissingNode() || !matrix.isArray()) {
      throw new BrokerException(
          "GET "
              + url
              + " did not return a matrix: expected {\"summary\":{...},\"matrix\":[...]}, got: "
              + PactBrokerClient.abbreviate(text),
          "GET",
          url,
          200,
          List.of(),
          List.of(),
          null);
    }
    JsonNode d = summary.path("deployable");
    DeployDecision.Verdict verdict =
        d.isBoolean()
            ? (d.asBoolean() ? DeployDecision.Verdict.YES : DeployDecision.Verdict.NO)
            : DeployDecision.Verdict.UNKNOWN;
    List<MatrixRow> rows = new ArrayList<>();
    for (JsonNode row : matrix) {
      JsonNode consumer = row.path("consumer");
      JsonNode provider = row.path("provider");
      JsonNode result = row.path("verificationResult");
      JsonNode providerVersion = provider.path("version").path("number");
      rows.add(
          new MatrixRow(
              consumer.path("name").asString(""),
              consumer.path("version").path("number").asString(""),
              provider.path("name").asString(""),
              providerVersion.isString()
                  ? Optional.of(providerVersion.asString())
                  : Optional.empty(),
              result.path("success").isBoolean()
                  ? Optional.of(result.path("success").asBoolean())
                  : Optional.empty(),
              Hal.href(result, "self"),
              row.path("ignored").asBoolean(false)));
    }
    return new DeployDecision(
        verdict,
        summary.path("reason").asString(""),
        summary.path("success").asInt(0),
        summary.path("failed").asInt(0),
        summary.path("unknown").asInt(0),
        HalTransport.notices(body),
        rows,
        text);
  }
}
