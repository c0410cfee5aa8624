package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WireMock broker answering with the Pact Broker's HAL shapes (reference/pact-broker-api.md §1).
 */
final class FakeBroker implements AutoCloseable {
  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final List<Duration> sleeps = new ArrayList<>();

  FakeBroker() {
    server.start();
  }

  String url() {
    return "http://localhost:" + server.port();
  }

  /** Serves the index; hrefs use {@code advertisedHost} (e.g. an internal name behind a proxy). */
  FakeBroker withIndex(String advertisedBase) {
    String b = advertisedBase;
    Map<String, String> rels =
        Map.ofEntries(
            Map.entry("pb:publish-contracts", b + "/contracts/publish"),
            Map.entry(
                "pb:publish-pact",
                b
                    + "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}"),
            Map.entry("pb:pacticipants", b + "/pacticipants"),
            Map.entry("pb:pacticipant", b + "/pacticipants/{pacticipant}"),
            Map.entry("pb:latest-provider-pacts", b + "/pacts/provider/{provider}/latest"),
            Map.entry("pb:latest-version", b + "/pacticipants/{pacticipant}/latest-version"),
            Map.entry(
                "pb:latest-tagged-version", b + "/pacticipants/{pacticipant}/latest-version/{tag}"),
            Map.entry(
                "pb:pacticipant-version", b + "/pacticipants/{pacticipant}/versions/{version}"),
            Map.entry(
                "pb:pacticipant-version-tag",
                b + "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}"),
            Map.entry(
                "pb:pacticipant-branch-version",
                b + "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}"),
            Map.entry(
                "pb:provider-pacts-for-verification",
                b + "/pacts/provider/{provider}/for-verification"),
            Map.entry("pb:environments", b + "/environments"),
            Map.entry("pb:environment", b + "/environments/{uuid}"));
    StringBuilder json = new StringBuilder("{\"_links\":{\"self\":{\"href\":\"" + b + "\"}");
    rels.forEach(
        (rel, href) ->
            json.append(",\"")
                .append(rel)
                .append("\":{\"href\":\"")
                .append(href)
                .append("\",\"title\":\"")
                .append(rel)
                .append("\",\"templated\":")
                .append(href.contains("{"))
                .append('}'));
    json.append("}}");
    server.stubFor(get(urlEqualTo("/")).willReturn(hal(200, json.toString())));
    return this;
  }

  FakeBroker withIndex() {
    return withIndex(url());
  }

  static ResponseDefinitionBuilder hal(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/hal+json;charset=utf-8")
        .withBody(body);
  }

  PactBrokerClient.Builder client() {
    return PactBrokerClient.builder()
        .baseUrl(url())
        .environment(Map.of())
        .systemProperties(Map.of())
        .maxAttempts(3)
        .sleeper(sleeps::add);
  }

  @Override
  public void close() {
    server.stop();
  }
}
