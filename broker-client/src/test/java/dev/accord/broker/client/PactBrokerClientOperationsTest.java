package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.accord.broker.client.FakeBroker.hal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactBrokerClientOperationsTest {
  private final FakeBroker broker = new FakeBroker();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    broker.close();
  }

  private static final String PACT =
      "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},\"interactions\":[]}";

  @Test
  void publishesEachPactToContractsPublishWithVersionBranchTagsAndBuildUrl() {
    broker.withIndex();
    broker.server.stubFor(
        post(urlEqualTo("/contracts/publish"))
            .willReturn(
                hal(
                    200,
                    "{\"notices\":[{\"type\":\"success\",\"text\":\"Created web version 1a2b\"}],"
                        + "\"_links\":{\"pb:contracts\":[{\"href\":\""
                        + broker.url()
                        + "/pacts/provider/products/consumer/web/version/1a2b\"}]}}")));
    PublishRequest request =
        PublishRequest.of("1a2b", List.of(Contracts.parse(PACT, "web-products.json")))
            .withBranch("main")
            .withTags(List.of("dev", "prod"))
            .withBuildUrl("http://ci/1");

    List<PublishedContract> published = broker.client().build().publishContracts(request);

    assertThat(published)
        .containsExactly(
            new PublishedContract(
                "web",
                "products",
                "1a2b",
                Optional.of(broker.url() + "/pacts/provider/products/consumer/web/version/1a2b"),
                List.of(new Notice("success", "Created web version 1a2b")),
                false));
    broker.server.verify(
        postRequestedFor(urlEqualTo("/contracts/publish"))
            .withRequestBody(
                equalToJson(
                    "{\"pacticipantName\":\"web\",\"pacticipantVersionNumber\":\"1a2b\",\"branch\":\"main\",\"tags\":[\"dev\",\"prod\"],"
                        + "\"buildUrl\":\"http://ci/1\",\"contracts\":[{\"consumerName\":\"web\",\"providerName\":\"products\","
                        + "\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\""
                        + Base64.getEncoder().encodeToString(PACT.getBytes(StandardCharsets.UTF_8))
                        + "\",\"onConflict\":\"overwrite\"}]}")));
  }

  @Test
  void publishingToAnOldBrokerTagsThenPutsThePact() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{"
                        + "\"pb:publish-pact\":{\"href\":\""
                        + broker.url()
                        + "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}\"},"
                        + "\"pb:pacticipant-version-tag\":{\"href\":\""
                        + broker.url()
                        + "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}\"}}}")));
    broker.server.stubFor(
        put(urlEqualTo("/pacticipants/web/versions/1.0.0/tags/dev")).willReturn(hal(201, "{}")));
    broker.server.stubFor(
        put(urlEqualTo("/pacts/provider/products/consumer/web/version/1.0.0"))
            .willReturn(hal(201, "{}")));

    List<PublishedContract> published =
        broker
            .client()
            .build()
            .publishContracts(
                PublishRequest.of("1.0.0", List.of(Contracts.parse(PACT, "f")))
                    .withTags(List.of("dev")));

    assertThat(published)
        .singleElement()
        .satisfies(p -> assertThat(p.viaLegacyEndpoint()).isTrue());
    broker.server.verify(putRequestedFor(urlEqualTo("/pacticipants/web/versions/1.0.0/tags/dev")));
    broker.server.verify(
        putRequestedFor(urlEqualTo("/pacts/provider/products/consumer/web/version/1.0.0"))
            .withRequestBody(equalToJson(PACT)));
  }

  @Test
  void contractsFromADirectoryAreMergedPerPairAndConflictsAreNamed() throws Exception {
    Files.writeString(
        dir.resolve("a.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},"
            + "\"interactions\":[{\"description\":\"get\",\"response\":{\"status\":200}}]}");
    Files.writeString(
        dir.resolve("b.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},"
            + "\"interactions\":[{\"description\":\"list\",\"response\":{\"status\":200}}]}");
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    List<Contract> contracts = Contracts.read(List.of(dir));

    assertThat(contracts)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.json())
                  .contains("\"description\":\"get\"")
                  .contains("\"description\":\"list\"");
              assertThat(c.source())
                  .isEqualTo(dir.resolve("a.json") + " + " + dir.resolve("b.json"));
            });

    Files.writeString(
        dir.resolve("c.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},"
            + "\"interactions\":[{\"description\":\"get\",\"response\":{\"status\":404}}]}");
    assertThatThrownBy(() -> Contracts.read(List.of(dir)))
        .hasMessage(
            "Cannot merge the pacts between web and products: the interaction 'get' differs between "
                + dir.resolve("a.json")
                + " and "
                + dir.resolve("c.json")
                + ". Give the interactions different descriptions, or publish one file only.");
  }

  @Test
  void aPactFileWithoutAConsumerNameIsRefusedWithThePath() {
    assertThatThrownBy(() -> Contracts.parse("{\"provider\":{\"name\":\"p\"}}", "x.json"))
        .hasMessage(
            "Pact file x.json has no consumer name at $.consumer.name; expected e.g. \"consumer\": {\"name\": \"orders-service\"}");
  }

  @Test
  void canIDeployBuildsTheMatrixQueryLikeThePactCliAndReadsTheVerdict() {
    broker.server.stubFor(
        get(urlPathEqualTo("/matrix"))
            .willReturn(
                hal(
                    200,
                    "{\"summary\":{\"deployable\":null,\"reason\":\"There is no verified pact between web (1) and products (2)\",\"success\":0,\"failed\":0,\"unknown\":1},"
                        + "\"notices\":[{\"type\":\"warning\",\"text\":\"There is no verified pact\"}],"
                        + "\"matrix\":[{\"consumer\":{\"name\":\"web\",\"version\":{\"number\":\"1\"}},\"provider\":{\"name\":\"products\",\"version\":null},"
                        + "\"verificationResult\":null}]}")));
    CanIDeployQuery query =
        CanIDeployQuery.of(MatrixSelector.of("web").withVersion("1 a/b"))
            .withEnvironment("production");

    DeployDecision decision = broker.client().build().canIDeploy(query);

    broker.server.verify(
        getRequestedFor(
            urlEqualTo(
                "/matrix?q%5B%5D%5Bpacticipant%5D=web&q%5B%5D%5Bversion%5D=1%20a%2Fb&latestby=cvpv&environment=production")));
    assertThat(decision.deployable()).isEqualTo(DeployDecision.Verdict.UNKNOWN);
    assertThat(decision.unknown()).isEqualTo(1);
    assertThat(decision.rows())
        .containsExactly(
            new MatrixRow(
                "web",
                "1",
                "products",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false));
  }

  @Test
  void matrixQueriesForLatestTagIgnoreAndMerge() {
    assertThat(
            MatrixQueries.queryString(
                CanIDeployQuery.of(MatrixSelector.of("Foo").withLatest())
                    .ignoring(MatrixSelector.of("Baz"))
                    .ignoring(MatrixSelector.of("Qux").withVersion("3"))
                    .withTag("prod")))
        .isEqualTo(
            "q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Blatest%5D=true&ignore%5B%5D%5Bpacticipant%5D=Baz"
                + "&ignore%5B%5D%5Bpacticipant%5D=Qux&ignore%5B%5D%5Bversion%5D=3&tag=prod&latestby=cvp&latest=true");
    assertThat(
            MatrixQueries.queryString(
                CanIDeployQuery.of(MatrixSelector.of("Foo").withVersion("1")).withMainBranch()))
        .isEqualTo(
            "q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bversion%5D=1&latestby=cvp&latest=true&mainBranch=true");
    assertThat(
            MatrixQueries.queryString(
                CanIDeployQuery.of(
                    MatrixSelector.of("A").withVersion("1"),
                    MatrixSelector.of("B").withLatestTag("t"))))
        .isEqualTo(
            "q%5B%5D%5Bpacticipant%5D=A&q%5B%5D%5Bversion%5D=1&q%5B%5D%5Bpacticipant%5D=B&q%5B%5D%5Blatest%5D=true"
                + "&q%5B%5D%5Btag%5D=t&latestby=cvpv");
  }

  @Test
  void recordDeploymentPostsToTheLinkNamedByTheEnvironment() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/web/versions/1"))
            .willReturn(
                hal(
                    200,
                    "{\"number\":\"1\",\"_links\":{\"pb:record-deployment\":["
                        + "{\"name\":\"test\",\"href\":\""
                        + broker.url()
                        + "/pacticipants/web/versions/1/deployed-versions/environment/u-test\"},"
                        + "{\"name\":\"production\",\"href\":\""
                        + broker.url()
                        + "/pacticipants/web/versions/1/deployed-versions/environment/u-prod\"}]}}")));
    broker.server.stubFor(
        post(urlEqualTo("/pacticipants/web/versions/1/deployed-versions/environment/u-prod"))
            .willReturn(
                hal(
                    201,
                    "{\"uuid\":\"d1\",\"_links\":{\"self\":{\"href\":\""
                        + broker.url()
                        + "/deployed-versions/d1\"}}}")));
    PactBrokerClient client = broker.client().build();

    Deployment deployment = client.recordDeployment("web", "1", "production", "blue");

    assertThat(deployment)
        .isEqualTo(
            new Deployment(
                "web", "1", "production", "blue", broker.url() + "/deployed-versions/d1"));
    broker.server.verify(
        postRequestedFor(
                urlEqualTo("/pacticipants/web/versions/1/deployed-versions/environment/u-prod"))
            .withRequestBody(
                equalToJson("{\"applicationInstance\":\"blue\",\"target\":\"blue\"}")));
    assertThatThrownBy(() -> client.recordDeployment("web", "1", "staging", null))
        .hasMessage(
            "Environment 'staging' does not exist in the broker. Known environments: test, production.\n"
                + "  Create it with: accord create-environment --name staging");
  }

  @Test
  void recordDeploymentOfAnUnknownVersionSaysSo() {
    broker.withIndex();
    broker.server.stubFor(get(urlEqualTo("/pacticipants/web/versions/9")).willReturn(notFound()));

    assertThatThrownBy(
            () -> broker.client().build().recordDeployment("web", "9", "production", null))
        .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage(
            "Cannot record deployment: version 9 of web does not exist in the broker (GET "
                + broker.url()
                + "/pacticipants/web/versions/9 answered 404).\n  Publish pacts or verification results for it first, or check the"
                + " --pacticipant and --version values.");
  }

  private void environmentsWithProduction() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"environments\":[{\"uuid\":\"u-prod\",\"name\":\"production\",\"displayName\":\"Production\",\"production\":true}]}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments/u-prod"))
            .willReturn(
                hal(
                    200,
                    "{\"uuid\":\"u-prod\",\"name\":\"production\",\"_links\":{"
                        + "\"pb:currently-deployed-deployed-versions\":{\"href\":\""
                        + broker.url()
                        + "/environments/u-prod/deployed-versions/currently-deployed\"},"
                        + "\"pb:currently-supported-released-versions\":{\"href\":\""
                        + broker.url()
                        + "/environments/u-prod/released-versions/currently-supported\"}}}")));
  }

  @Test
  void recordUndeploymentPatchesTheMatchingInstanceAndNamesTheOthers() {
    environmentsWithProduction();
    broker.server.stubFor(
        get(urlEqualTo("/environments/u-prod/deployed-versions/currently-deployed?pacticipant=web"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"deployedVersions\":["
                        + "{\"applicationInstance\":\"blue\",\"_embedded\":{\"pacticipant\":{\"name\":\"web\"},\"version\":{\"number\":\"1\"}},"
                        + "\"_links\":{\"self\":{\"href\":\""
                        + broker.url()
                        + "/deployed-versions/d1\"}}}]}}")));
    broker.server.stubFor(patch(urlEqualTo("/deployed-versions/d1")).willReturn(hal(200, "{}")));
    PactBrokerClient client = broker.client().build();

    assertThat(client.recordUndeployment("web", "production", "blue"))
        .containsExactly(
            new Deployment(
                "web", "1", "production", "blue", broker.url() + "/deployed-versions/d1"));
    broker.server.verify(
        patchRequestedFor(urlEqualTo("/deployed-versions/d1"))
            .withHeader("Content-Type", equalTo("application/merge-patch+json"))
            .withRequestBody(equalToJson("{\"currentlyDeployed\":false}")));
    assertThatThrownBy(() -> client.recordUndeployment("web", "production", "green"))
        .hasMessage(
            "web is not currently deployed to application instance 'green' in production environment. Please omit"
                + " the application instance or specify one of the following application instances to record the undeployment from: blue.");
    assertThatThrownBy(() -> client.recordUndeployment("web", "staging", null))
        .hasMessage(
            "Environment 'staging' not found in the broker at "
                + broker.url()
                + ". Known environments: production.\n"
                + "  Create it with: accord create-environment --name staging");
  }

  @Test
  void recordSupportEndedPatchesTheReleasedVersion() {
    environmentsWithProduction();
    broker.server.stubFor(
        get(urlEqualTo(
                "/environments/u-prod/released-versions/currently-supported?pacticipant=app"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"releasedVersions\":[{\"_embedded\":{\"pacticipant\":{\"name\":\"app\"},\"version\":{\"number\":\"2\"}},"
                        + "\"_links\":{\"self\":{\"href\":\""
                        + broker.url()
                        + "/released-versions/r2\"}}}]}}")));
    broker.server.stubFor(patch(urlEqualTo("/released-versions/r2")).willReturn(hal(200, "{}")));
    PactBrokerClient client = broker.client().build();

    assertThat(client.recordSupportEnded("app", "2", "production").url())
        .isEqualTo(broker.url() + "/released-versions/r2");
    broker.server.verify(
        patchRequestedFor(urlEqualTo("/released-versions/r2"))
            .withRequestBody(equalToJson("{\"currentlySupported\":false}")));
    assertThatThrownBy(() -> client.recordSupportEnded("app", "1", "production"))
        .hasMessageStartingWith(
            "No currently released versions found for app version 1 in production environment.");
  }

  @Test
  void createEnvironmentSendsContactsAndReadsTheUuid() {
    broker.withIndex();
    broker.server.stubFor(
        post(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    201,
                    "{\"uuid\":\"u1\",\"name\":\"uat\",\"displayName\":\"Uat\",\"production\":false,\"createdAt\":\"2026-01-01T00:00:00+00:00\"}")));

    Environment env =
        broker
            .client()
            .build()
            .createEnvironment(new NewEnvironment("uat", null, false, "Team A", "a@example.com"));

    assertThat(env)
        .isEqualTo(new Environment("u1", "uat", "Uat", false, "2026-01-01T00:00:00+00:00"));
    broker.server.verify(
        postRequestedFor(urlEqualTo("/environments"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"uat\",\"production\":false,\"contacts\":[{\"name\":\"Team A\",\"details\":{\"emailAddress\":\"a@example.com\"}}]}")));
  }

  @Test
  void describeVersionReadsNumberBranchesAndTags() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/web/latest-version/prod"))
            .willReturn(
                hal(
                    200,
                    "{\"number\":\"7\",\"buildUrl\":\"http://ci/7\",\"_embedded\":{\"tags\":[{\"name\":\"prod\"}],\"branchVersions\":[{\"name\":\"main\"}]}}")));

    PacticipantVersion v = broker.client().build().describeVersion("web", null, "prod");

    assertThat(v.number()).isEqualTo("7");
    assertThat(v.tags()).containsExactly("prod");
    assertThat(v.branches()).containsExactly("main");
    assertThat(v.buildUrl()).isEqualTo("http://ci/7");
  }

  @Test
  void createOrUpdatePacticipantPostsWhenMissingAndPatchesWhenPresent() {
    broker.withIndex();
    broker.server.stubFor(get(urlEqualTo("/pacticipants/new-app")).willReturn(notFound()));
    broker.server.stubFor(
        post(urlEqualTo("/pacticipants")).willReturn(hal(201, "{\"name\":\"new-app\"}")));
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/web"))
            .willReturn(
                hal(
                    200,
                    "{\"name\":\"web\",\"_links\":{\"self\":{\"href\":\""
                        + broker.url()
                        + "/pacticipants/web\"}}}")));
    broker.server.stubFor(
        patch(urlEqualTo("/pacticipants/web"))
            .willReturn(hal(200, "{\"name\":\"web\",\"mainBranch\":\"main\"}")));
    PactBrokerClient client = broker.client().build();

    assertThat(
            client
                .createOrUpdatePacticipant(new PacticipantDetails("new-app", null, "main", null))
                .created())
        .isTrue();
    assertThat(
            client
                .createOrUpdatePacticipant(new PacticipantDetails("web", null, "main", null))
                .created())
        .isFalse();
    broker.server.verify(
        postRequestedFor(urlEqualTo("/pacticipants"))
            .withRequestBody(equalToJson("{\"name\":\"new-app\",\"mainBranch\":\"main\"}")));
    broker.server.verify(
        patchRequestedFor(urlEqualTo("/pacticipants/web"))
            .withRequestBody(matchingJsonPath("$.mainBranch", equalTo("main"))));
  }

  @Test
  void selectorsParseFromJsonAndRefuseUnknownKeys() {
    assertThat(ConsumerVersionSelector.fromJson("{\"branch\":\"main\",\"consumer\":\"web\"}"))
        .isEqualTo(ConsumerVersionSelector.branch("main").withConsumer("web"));
    assertThat(ConsumerVersionSelector.deployedOrReleased().toJson())
        .isEqualTo("{\"deployedOrReleased\":true}");
    assertThatThrownBy(() -> ConsumerVersionSelector.fromJson("{\"brnch\":\"main\"}"))
        .hasMessage(
            "Unknown key 'brnch' in consumer version selector {\"brnch\":\"main\"}. Valid keys: branch, consumer,"
                + " deployed, deployedOrReleased, environment, fallbackBranch, fallbackTag, latest, mainBranch, matchingBranch, released, tag.");
    assertThatThrownBy(() -> ConsumerVersionSelector.fromJson("{\"latest\":\"yes\"}"))
        .hasMessage(
            "'latest' in consumer version selector {\"latest\":\"yes\"} must be true or false, got \"yes\".");
  }
}
