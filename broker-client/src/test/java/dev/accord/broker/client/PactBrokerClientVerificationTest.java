package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.accord.broker.client.FakeBroker.hal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PactBrokerClientVerificationTest {
  private final FakeBroker broker = new FakeBroker();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void pactsForVerificationPostsSelectorsToTheIndexRelationAndReadsPendingWipAndNotices() {
    // GIVEN a broker whose index advertises an internal host name, as behind a proxy
    broker.withIndex("http://broker.internal:9292");
    broker.server.stubFor(
        post(urlEqualTo("/pacts/provider/products%20api/for-verification"))
            .withRequestBody(
                equalToJson(
                    "{\"includePendingStatus\":true,\"includeWipPactsSince\":\"2026-01-01\","
                        + "\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"branch\":\"feat/x\",\"consumer\":\"web\"}],"
                        + "\"providerVersionBranch\":\"main\"}",
                    false,
                    false))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"pacts\":[{\"shortDescription\":\"latest from main branch\","
                        + "\"verificationProperties\":{\"pending\":true,\"notices\":["
                        + "{\"when\":\"before_verification\",\"text\":\"The pact is being verified because\"},"
                        + "{\"when\":\"after_verification:success_false_published_true\",\"text\":\"non-fatal\"}]},"
                        + "\"_links\":{\"self\":{\"href\":\"http://broker.internal:9292/pacts/provider/products%20api/consumer/web/pact-version/abc/metadata/xyz\","
                        + "\"name\":\"Pact between web (1.0.0) and products api\"}}},"
                        + "{\"shortDescription\":\"latest from branch feat/x\",\"verificationProperties\":{\"pending\":true,\"wip\":true,\"notices\":[]},"
                        + "\"_links\":{\"self\":{\"href\":\"http://broker.internal:9292/pacts/provider/products%20api/consumer/web/pact-version/def\",\"name\":\"wip\"}}}]},"
                        + "\"_links\":{\"self\":{\"href\":\"http://broker.internal:9292/pacts/provider/products%20api/for-verification\"}}}")));
    PactBrokerClient client = broker.client().bearerToken("s3cret").build();

    // WHEN
    List<PactForVerification> pacts =
        client.pactsForVerification(
            "products api",
            List.of(
                ConsumerVersionSelector.mainBranch(),
                ConsumerVersionSelector.branch("feat/x").withConsumer("web")),
            "main",
            true,
            LocalDate.of(2026, 1, 1));

    // THEN links are rebased on the configured URL, and the verification properties come through
    assertThat(pacts).hasSize(2);
    PactForVerification first = pacts.get(0);
    assertThat(first.url())
        .isEqualTo(
            broker.url()
                + "/pacts/provider/products%20api/consumer/web/pact-version/abc/metadata/xyz");
    assertThat(first.name()).isEqualTo("Pact between web (1.0.0) and products api");
    assertThat(first.shortDescription()).isEqualTo("latest from main branch");
    assertThat(first.pending()).isTrue();
    assertThat(first.wip()).isFalse();
    assertThat(first.noticesBeforeVerification())
        .extracting(VerificationNotice::text)
        .containsExactly("The pact is being verified because");
    assertThat(first.noticesAfterVerification(false, true))
        .extracting(VerificationNotice::text)
        .containsExactly("non-fatal");
    assertThat(first.noticesAfterVerification(true, true)).isEmpty();
    assertThat(pacts.get(1).wip()).isTrue();
    broker.server.verify(
        postRequestedFor(urlEqualTo("/pacts/provider/products%20api/for-verification"))
            .withHeader("Authorization", equalTo("Bearer s3cret"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/hal+json, application/json")));
    broker.server.verify(
        getRequestedFor(urlEqualTo("/")).withHeader("Authorization", equalTo("Bearer s3cret")));
  }

  @Test
  void pactsForVerificationFallsBackToLatestProviderPactsOnAnOldBroker() {
    // GIVEN an index without pb:provider-pacts-for-verification
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pb:latest-provider-pacts\":{\"href\":\""
                        + broker.url()
                        + "/pacts/provider/{provider}/latest\",\"templated\":true}}}")));
    broker.server.stubFor(
        get(urlEqualTo("/pacts/provider/products/latest"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pacts\":[{\"href\":\""
                        + broker.url()
                        + "/pacts/provider/products/consumer/web/version/1\",\"title\":\"Pact\",\"name\":\"web\"}]}}")));

    // WHEN
    List<PactForVerification> pacts =
        broker.client().build().pactsForVerification("products", List.of(), null, false, null);

    // THEN
    assertThat(pacts)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.url())
                  .isEqualTo(broker.url() + "/pacts/provider/products/consumer/web/version/1");
              assertThat(p.pending()).isFalse();
            });
  }

  @Test
  void selectorsOnAnOldBrokerFailNamingTheMissingRelation() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(hal(200, "{\"_links\":{\"pb:latest-provider-pacts\":{\"href\":\"/x\"}}}")));

    assertThatThrownBy(
            () ->
                broker
                    .client()
                    .build()
                    .pactsForVerification(
                        "products",
                        List.of(ConsumerVersionSelector.mainBranch()),
                        null,
                        false,
                        null))
        .isInstanceOf(BrokerException.class)
        .hasMessage(
            "The broker at "
                + broker.url()
                + " does not offer the relation 'pb:provider-pacts-for-verification' in its index (GET "
                + broker.url()
                + "), which is needed to select pacts with consumer version selectors.\n"
                + "  Relations offered: pb:latest-provider-pacts\n"
                + "  The broker is probably older than this operation; upgrade it or use a Pact Broker compatible server.");
  }

  @Test
  void fetchPactReturnsTheTextAndThePublishLink() {
    broker.withIndex();
    String pactJson =
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},\"interactions\":[],"
            + "\"_links\":{\"pb:consumer\":{\"name\":\"web\",\"href\":\"x\"},\"pb:consumer-version\":{\"name\":\"1.0.0\",\"href\":\"y\"},"
            + "\"pb:publish-verification-results\":{\"href\":\"http://other:1/pacts/provider/products/consumer/web/pact-version/abc/verification-results\"}}}";
    broker.server.stubFor(
        get(urlEqualTo("/pacts/provider/products/consumer/web/pact-version/abc"))
            .willReturn(hal(200, pactJson)));

    BrokerPact pact =
        broker
            .client()
            .build()
            .fetchPact(broker.url() + "/pacts/provider/products/consumer/web/pact-version/abc");

    assertThat(pact.json()).isEqualTo(pactJson);
    assertThat(pact.consumerName()).isEqualTo("web");
    assertThat(pact.providerName()).isEqualTo("products");
    assertThat(pact.consumerVersion()).contains("1.0.0");
    assertThat(pact.publishVerificationResultsUrl())
        .contains(
            broker.url()
                + "/pacts/provider/products/consumer/web/pact-version/abc/verification-results");
  }

  @Test
  void publishingResultsRecordsBranchAndTagsThenPostsTheResult() {
    broker.withIndex();
    broker.server.stubFor(
        put(urlEqualTo("/pacticipants/products/branches/feat%2Fy/versions/abc123"))
            .willReturn(hal(201, "{}")));
    broker.server.stubFor(
        put(urlEqualTo("/pacticipants/products/versions/abc123/tags/dev"))
            .willReturn(hal(201, "{}")));
    broker.server.stubFor(
        post(urlEqualTo(
                "/pacts/provider/products/consumer/web/pact-version/abc/verification-results"))
            .willReturn(
                hal(201, "{\"success\":false}")
                    .withHeader("Location", broker.url() + "/verification-results/7")));
    VerificationResult result =
        VerificationResult.of("products", "abc123", false)
            .withBranch("feat/y")
            .withTags(List.of("dev"))
            .withBuildUrl("http://ci/9")
            .withTestResults(
                List.of(
                    new TestResult(
                        "id1",
                        "get a product",
                        false,
                        List.of(
                            new TestResult.Mismatch(
                                "body", "$.price", "Expected 12 but was \"12\""))),
                    new TestResult(null, "list products", true, List.of())));

    PublishedVerification published =
        broker
            .client()
            .build()
            .publishVerificationResults(
                broker.url()
                    + "/pacts/provider/products/consumer/web/pact-version/abc/verification-results",
                result);

    assertThat(published)
        .isEqualTo(new PublishedVerification(broker.url() + "/verification-results/7", false));
    broker.server.verify(
        putRequestedFor(urlEqualTo("/pacticipants/products/branches/feat%2Fy/versions/abc123")));
    broker.server.verify(
        putRequestedFor(urlEqualTo("/pacticipants/products/versions/abc123/tags/dev")));
    broker.server.verify(
        postRequestedFor(
                urlEqualTo(
                    "/pacts/provider/products/consumer/web/pact-version/abc/verification-results"))
            .withRequestBody(
                equalToJson(
                    "{\"providerApplicationVersion\":\"abc123\",\"success\":false,\"buildUrl\":\"http://ci/9\","
                        + "\"testResults\":[{\"interactionId\":\"id1\",\"interactionDescription\":\"get a product\",\"success\":false,"
                        + "\"mismatches\":[{\"attribute\":\"body\",\"identifier\":\"$.price\",\"description\":\"Expected 12 but was \\\"12\\\"\"}]},"
                        + "{\"interactionId\":\"\",\"interactionDescription\":\"list products\",\"success\":true}],"
                        + "\"verifiedBy\":{\"implementation\":\"Accord\",\"version\":\"${json-unit.any-string}\"}}")));
  }

  @Test
  void aBrokerOutageWhilePublishingIsAnErrorNamingTheUrl() {
    broker.withIndex();
    broker.server.stubFor(post(urlEqualTo("/results")).willReturn(hal(503, "{}")));

    assertThatThrownBy(
            () ->
                broker
                    .client()
                    .build()
                    .publishVerificationResults(
                        broker.url() + "/results", VerificationResult.of("p", "1", true)))
        .isInstanceOf(BrokerException.class)
        .hasMessage(
            "POST "
                + broker.url()
                + "/results failed: 503 Service Unavailable (after 3 attempts)\n"
                + "  response body: {}\n"
                + "  The broker failed on its side; its logs say why. Retries: --retries / PACT_BROKER_HTTP_RETRIES.");
  }

  @Test
  void aPactWithoutAPublishLinkCannotHaveResultsPublished() {
    BrokerPact fromFile =
        new BrokerPact(
            "file:pact.json",
            "{}",
            "web",
            "products",
            java.util.Optional.empty(),
            java.util.Optional.empty());

    assertThatThrownBy(
            () ->
                broker
                    .client()
                    .build()
                    .publishVerificationResults(
                        fromFile, VerificationResult.of("products", "1", true)))
        .hasMessage(
            "Cannot publish the verification result of file:pact.json: the broker's pact has no"
                + " 'pb:publish-verification-results' link. Fetch the pact from the broker's pacts-for-verification"
                + " or pact-version URL, not from a file or a URL outside the broker.");
  }
}
