package dev.accord.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandsTest {
  private final WireMockServer broker = new WireMockServer(options().dynamicPort());
  @TempDir Path dir;
  private CliRun accord;

  @BeforeEach
  void start() {
    broker.start();
    accord = new CliRun(Map.of("PACT_BROKER_BASE_URL", url(), "PACT_BROKER_TOKEN", "t0k"), dir);
    String b = url();
    broker.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{"
                        + "\"pb:publish-contracts\":{\"href\":\""
                        + b
                        + "/contracts/publish\"},"
                        + "\"pb:pacticipants\":{\"href\":\""
                        + b
                        + "/pacticipants\"},"
                        + "\"pb:pacticipant\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}\",\"templated\":true},"
                        + "\"pb:pacticipant-version\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}/versions/{version}\",\"templated\":true},"
                        + "\"pb:latest-version\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}/latest-version\",\"templated\":true},"
                        + "\"pb:latest-tagged-version\":{\"href\":\""
                        + b
                        + "/pacticipants/{pacticipant}/latest-version/{tag}\",\"templated\":true},"
                        + "\"pb:environments\":{\"href\":\""
                        + b
                        + "/environments\"},"
                        + "\"pb:environment\":{\"href\":\""
                        + b
                        + "/environments/{uuid}\",\"templated\":true}}}")));
  }

  @AfterEach
  void stop() {
    broker.stop();
  }

  private String url() {
    return "http://localhost:" + broker.port();
  }

  private static ResponseDefinitionBuilder hal(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/hal+json;charset=utf-8")
        .withBody(body);
  }

  @Test
  void versionPrintsTheVersion() {
    CliRun.Result result = accord.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("accord \\S+\n");
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    CliRun.Result result = accord.run("list-environments", "--no-such-flag");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Unknown option: '--no-such-flag'");
  }

  @Test
  void noBrokerUrlSaysWhereToSetIt() {
    CliRun.Result result = new CliRun(Map.of(), dir).run("list-environments");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: No Pact Broker URL configured. Set it with --broker-base-url, PACT_BROKER_BASE_URL,"
                + " -Dpactbroker.url or PactBrokerClient.builder().baseUrl(\"https://broker.example.com\").\n");
  }

  @Test
  void publishSendsEachPactWithVersionBranchTagsAndBuildUrl() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("target/pacts"));
    Files.writeString(
        pacts.resolve("web-products.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},\"interactions\":[]}");
    broker.stubFor(
        post(urlEqualTo("/contracts/publish"))
            .willReturn(
                hal(
                    200,
                    "{\"notices\":[{\"type\":\"success\",\"text\":\"Created pact for web version 1a2b\"}],"
                        + "\"_links\":{\"pb:contracts\":[{\"href\":\""
                        + url()
                        + "/pacts/provider/products/consumer/web/version/1a2b\"}]}}")));

    CliRun.Result result =
        accord.run(
            "publish",
            "target/pacts",
            "--consumer-app-version",
            "1a2b",
            "--branch",
            "main",
            "-t",
            "dev,prod",
            "--build-url",
            "http://ci/1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Published the pact between web and products under web version 1a2b, branch main, tags dev, prod\n"
                + "  "
                + url()
                + "/pacts/provider/products/consumer/web/version/1a2b\n"
                + "  Created pact for web version 1a2b\n");
    broker.verify(
        postRequestedFor(urlEqualTo("/contracts/publish"))
            .withHeader("Authorization", equalTo("Bearer t0k"))
            .withRequestBody(matchingJsonPath("$.pacticipantVersionNumber", equalTo("1a2b")))
            .withRequestBody(matchingJsonPath("$.branch", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.tags[1]", equalTo("prod")))
            .withRequestBody(matchingJsonPath("$.buildUrl", equalTo("http://ci/1"))));
  }

  @Test
  void publishDetectsVersionBranchAndBuildUrlFromCiVariables() throws Exception {
    Files.writeString(
        dir.resolve("pact.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"}}");
    broker.stubFor(post(urlEqualTo("/contracts/publish")).willReturn(hal(200, "{}")));
    Map<String, String> env = new HashMap<>();
    env.put("PACT_BROKER_BASE_URL", url());
    env.put("GITHUB_SHA", "abc123");
    env.put("GITHUB_REF_NAME", "feat/x");
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_REPOSITORY", "acme/web");
    env.put("GITHUB_RUN_ID", "77");

    CliRun.Result result =
        new CliRun(env, dir).run("publish", "*.json", "--auto-detect-version-properties");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "consumer version abc123 (from $GITHUB_SHA, GitHub Actions)\n"
                + "branch feat/x (from $GITHUB_REF_NAME, GitHub Actions)\n"
                + "build URL https://github.com/acme/web/actions/runs/77 (from GitHub Actions)\n");
    broker.verify(
        postRequestedFor(urlEqualTo("/contracts/publish"))
            .withRequestBody(
                equalToJson(
                    "{\"pacticipantName\":\"web\",\"pacticipantVersionNumber\":\"abc123\",\"branch\":\"feat/x\","
                        + "\"buildUrl\":\"https://github.com/acme/web/actions/runs/77\",\"contracts\":\"${json-unit.ignore}\"}")));
  }

  @Test
  void publishWithoutAVersionSaysHowToGiveOne() throws Exception {
    Files.writeString(
        dir.resolve("pact.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"}}");

    CliRun.Result result = accord.run("publish", "pact.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: Missing the consumer version: pass --consumer-app-version $(git rev-parse HEAD), or"
                + " --auto-detect-version-properties inside a git checkout or a CI build.\n");
  }

  @Test
  void publishOfAMissingFileNamesIt() {
    CliRun.Result result = accord.run("publish", "nope.json", "-a", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: Pact file or directory not found: "
                + dir.resolve("nope.json")
                + " (from argument 'nope.json')\n");
  }

  @Test
  void publishRefusedWith409PrintsTheBrokersReasons() throws Exception {
    Files.writeString(
        dir.resolve("pact.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"}}");
    broker.stubFor(
        post(urlEqualTo("/contracts/publish"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"notices\":[{\"type\":\"error\",\"text\":\"Cannot change the content of the pact for web version 1\"}]}")));

    CliRun.Result result = accord.run("publish", "pact.json", "-a", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: POST "
                + url()
                + "/contracts/publish failed: 409 Conflict\n"
                + "  notice (error): Cannot change the content of the pact for web version 1\n");
  }

  @Test
  void recordDeploymentPrintsWhatItRecorded() {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/web/versions/1a2b"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pb:record-deployment\":[{\"name\":\"production\",\"href\":\""
                        + url()
                        + "/pacticipants/web/versions/1a2b/deployed-versions/environment/u1\"}]}}")));
    broker.stubFor(
        post(urlEqualTo("/pacticipants/web/versions/1a2b/deployed-versions/environment/u1"))
            .willReturn(hal(201, "{}")));

    CliRun.Result result =
        accord.run(
            "record-deployment",
            "--pacticipant",
            "web",
            "--version",
            "1a2b",
            "--environment",
            "production");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Recorded deployment of web version 1a2b to production environment in the Pact Broker.\n");
  }

  @Test
  void recordDeploymentToAnUnknownEnvironmentExits1WithTheFix() {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/web/versions/1a2b"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pb:record-deployment\":[{\"name\":\"production\",\"href\":\""
                        + url()
                        + "/x\"}]}}")));

    CliRun.Result result =
        accord.run("record-deployment", "-a", "web", "-e", "1a2b", "--environment", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: Environment 'prod' does not exist in the broker. Known environments: production.\n"
                + "  Create it with: accord create-environment --name prod\n");
  }

  private void productionEnvironment() {
    broker.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"environments\":[{\"uuid\":\"u1\",\"name\":\"production\",\"displayName\":\"Production\",\"production\":true},"
                        + "{\"uuid\":\"u2\",\"name\":\"test\",\"displayName\":\"Test\",\"production\":false}]}}")));
    broker.stubFor(
        get(urlEqualTo("/environments/u1"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{"
                        + "\"pb:currently-deployed-deployed-versions\":{\"href\":\""
                        + url()
                        + "/environments/u1/deployed-versions/currently-deployed\"},"
                        + "\"pb:currently-supported-released-versions\":{\"href\":\""
                        + url()
                        + "/environments/u1/released-versions/currently-supported\"}}}")));
  }

  @Test
  void recordUndeploymentAndSupportEndedPatchTheRecords() {
    productionEnvironment();
    broker.stubFor(
        get(urlEqualTo("/environments/u1/deployed-versions/currently-deployed?pacticipant=web"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"deployedVersions\":[{\"applicationInstance\":null,\"_embedded\":{\"pacticipant\":{\"name\":\"web\"},"
                        + "\"version\":{\"number\":\"1a2b\"}},\"_links\":{\"self\":{\"href\":\""
                        + url()
                        + "/deployed-versions/d1\"}}}]}}")));
    broker.stubFor(patch(urlEqualTo("/deployed-versions/d1")).willReturn(hal(200, "{}")));
    broker.stubFor(
        get(urlEqualTo("/environments/u1/released-versions/currently-supported?pacticipant=app"))
            .willReturn(
                hal(
                    200,
                    "{\"_embedded\":{\"releasedVersions\":[{\"_embedded\":{\"pacticipant\":{\"name\":\"app\"},\"version\":{\"number\":\"2\"}},"
                        + "\"_links\":{\"self\":{\"href\":\""
                        + url()
                        + "/released-versions/r1\"}}}]}}")));
    broker.stubFor(patch(urlEqualTo("/released-versions/r1")).willReturn(hal(200, "{}")));

    CliRun.Result undeployed =
        accord.run("record-undeployment", "-a", "web", "--environment", "production");
    CliRun.Result ended =
        accord.run("record-support-ended", "-a", "app", "-e", "2", "--environment", "production");

    assertThat(undeployed.exitCode()).as(undeployed.err()).isZero();
    assertThat(undeployed.out())
        .isEqualTo(
            "Recorded undeployment of web version 1a2b from production environment in the Pact Broker.\n");
    assertThat(ended.exitCode()).as(ended.err()).isZero();
    assertThat(ended.out())
        .isEqualTo(
            "Recorded support ended for app version 2 in production environment in the Pact Broker.\n");
    broker.verify(
        patchRequestedFor(urlEqualTo("/deployed-versions/d1"))
            .withRequestBody(equalToJson("{\"currentlyDeployed\":false}")));
    broker.verify(
        patchRequestedFor(urlEqualTo("/released-versions/r1"))
            .withRequestBody(equalToJson("{\"currentlySupported\":false}")));
  }

  @Test
  void recordReleasePostsToTheEnvironmentLink() {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/app/versions/2"))
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pb:record-release\":[{\"name\":\"production\",\"href\":\""
                        + url()
                        + "/pacticipants/app/versions/2/released-versions/environment/u1\"}]}}")));
    broker.stubFor(
        post(urlEqualTo("/pacticipants/app/versions/2/released-versions/environment/u1"))
            .willReturn(hal(201, "{}")));

    CliRun.Result result =
        accord.run(
            "record-release", "-a", "app", "-e", "2", "--environment", "production", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "{\"pacticipant\":\"app\",\"version\":\"2\",\"environment\":\"production\",\"url\":\""
                + url()
                + "/pacticipants/app/versions/2/released-versions/environment/u1\"}\n");
  }

  @Test
  void listEnvironmentsPrintsATable() {
    productionEnvironment();

    CliRun.Result result = accord.run("list-environments");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "UUID | NAME       | DISPLAY NAME | PRODUCTION\n"
                + "-----|------------|--------------|-----------\n"
                + "u1   | production | Production   | true\n"
                + "u2   | test       | Test         | false\n");
  }

  @Test
  void createEnvironmentPrintsTheUuid() {
    broker.stubFor(
        post(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    201,
                    "{\"uuid\":\"u9\",\"name\":\"uat\",\"displayName\":\"UAT\",\"production\":false}")));

    CliRun.Result text = accord.run("create-environment", "--name", "uat", "--display-name", "UAT");
    CliRun.Result id = accord.run("create-environment", "--name", "uat", "-o", "id");

    assertThat(text.out()).isEqualTo("Created uat environment in the Pact Broker with UUID u9\n");
    assertThat(id.out()).isEqualTo("u9\n");
    broker.verify(
        postRequestedFor(urlEqualTo("/environments"))
            .withRequestBody(
                equalToJson("{\"name\":\"uat\",\"displayName\":\"UAT\",\"production\":false}")));
  }

  @Test
  void describeVersionPrintsBranchesAndTagsOrSaysNotFound() {
    broker.stubFor(
        get(urlEqualTo("/pacticipants/web/latest-version"))
            .willReturn(
                hal(
                    200,
                    "{\"number\":\"1a2b\",\"_embedded\":{\"branchVersions\":[{\"name\":\"main\"}],\"tags\":[{\"name\":\"prod\"},{\"name\":\"dev\"}]}}")));
    broker.stubFor(get(urlEqualTo("/pacticipants/web/versions/9")).willReturn(notFound()));

    CliRun.Result found = accord.run("describe-version", "-a", "web", "--latest");
    CliRun.Result missing = accord.run("describe-version", "-a", "web", "-e", "9");

    assertThat(found.exitCode()).as(found.err()).isZero();
    assertThat(found.out())
        .isEqualTo(
            "NAME | VERSION | BRANCHES | TAGS\n"
                + "-----|---------|----------|----------\n"
                + "web  | 1a2b    | main     | prod, dev\n");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo(
            "Error: Pacticipant version not found: web version 9 (GET "
                + url()
                + "/pacticipants/web/versions/9 answered 404)\n");
  }

  @Test
  void createOrUpdatePacticipantSaysWhichItDid() {
    broker.stubFor(get(urlEqualTo("/pacticipants/web")).willReturn(notFound()));
    broker.stubFor(post(urlEqualTo("/pacticipants")).willReturn(hal(201, "{\"name\":\"web\"}")));

    CliRun.Result result =
        accord.run("create-or-update-pacticipant", "--name", "web", "--main-branch", "main");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Pacticipant 'web' created successfully\n");
    broker.verify(
        postRequestedFor(urlEqualTo("/pacticipants"))
            .withRequestBody(equalToJson("{\"name\":\"web\",\"mainBranch\":\"main\"}")));
  }

  @Test
  void generatesAShellCompletionScript() {
    CliRun.Result result = accord.run("generate-completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Bash completion support for the `accord` command")
        .contains("can-i-deploy");
  }

  @Test
  void verboseSaysWhereTheBrokerSettingsCameFrom() {
    productionEnvironment();

    CliRun.Result result = accord.run("list-environments", "--verbose");

    assertThat(result.err())
        .isEqualTo(
            "[broker] broker URL: "
                + url()
                + " (from PACT_BROKER_BASE_URL)\n"
                + "[broker] auth: bearer token (from PACT_BROKER_TOKEN)\n"
                + "[broker] attempts per request: 8 (default)\n");
  }

  @Test
  void publishWithValidateRefusesAnInvalidPactBeforeAnyRequest() throws Exception {
    Files.writeString(
        dir.resolve("pact.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},\"interactions\":{}}");

    CliRun.Result result = accord.run("publish", "pact.json", "-a", "1", "--validate");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "Error: Nothing was published: 1 problem(s) in the pacts:\n  Invalid pact "
                + dir.resolve("pact.json")
                + " at $.interactions: ");
    assertThat(broker.findAll(postRequestedFor(urlEqualTo("/contracts/publish")))).isEmpty();
  }

  @Test
  void anUntrustedTlsCertificateIsExplainedAndCanBeSkipped() {
    WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    tls.start();
    try {
      tls.stubFor(
          get(urlEqualTo("/"))
              .willReturn(
                  hal(200, "{\"_links\":{\"pb:environments\":{\"href\":\"/environments\"}}}")));
      tls.stubFor(
          get(urlEqualTo("/environments"))
              .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));
      String httpsUrl = "https://localhost:" + tls.httpsPort();

      CliRun.Result refused = accord.run("list-environments", "-b", httpsUrl, "--retries", "1");
      CliRun.Result skipped =
          accord.run("list-environments", "-b", httpsUrl, "--skip-ssl-verification");

      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err())
          .startsWith("Error: GET " + httpsUrl + " failed: the broker could not be reached (")
          .endsWith(
              "  The broker's TLS certificate is not trusted. If it comes from a private CA, trust it with"
                  + " --ssl-certificate ca.pem (or SSL_CERT_FILE), or add it to the JVM trust store; for testing only:"
                  + " --skip-ssl-verification.\n");
      assertThat(skipped.exitCode()).as(skipped.err()).isZero();
      assertThat(skipped.out()).startsWith("UUID | NAME | DISPLAY NAME | PRODUCTION\n");
    } finally {
      tls.stop();
    }
  }

  @Test
  void aCertificateFileIsReadOnlyWhenATlsConnectionNeedsIt() throws Exception {
    productionEnvironment();
    Files.writeString(dir.resolve("not-a-pem.txt"), "no certificate here");
    WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    tls.start();
    try {
      String httpsUrl = "https://localhost:" + tls.httpsPort();
      CliRun withFile =
          new CliRun(
              Map.of(
                  "PACT_BROKER_BASE_URL",
                  url(),
                  "PACT_BROKER_TOKEN",
                  "t0k",
                  "SSL_CERT_FILE",
                  dir.resolve("not-a-pem.txt").toString()),
              dir);

      CliRun.Result overHttp = withFile.run("list-environments");
      CliRun.Result overHttps = withFile.run("list-environments", "-b", httpsUrl, "--retries", "1");

      assertThat(overHttp.exitCode()).as(overHttp.err()).isZero();
      assertThat(overHttps.exitCode()).isEqualTo(1);
      assertThat(overHttps.err())
          .isEqualTo(
              "Error: Cannot read --ssl-certificate "
                  + dir.resolve("not-a-pem.txt")
                  + ": No certificate data found\n");
    } finally {
      tls.stop();
    }
  }

  @Test
  void createVersionTagRefusesAnUnknownVersionUnlessAskedToCreateIt() {
    broker.stubFor(get(urlEqualTo("/pacticipants/web/versions/9")).willReturn(notFound()));
    broker.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                urlEqualTo("/pacticipants/web/versions/9/tags/prod"))
            .willReturn(hal(201, "{}")));

    CliRun.Result refused = accord.run("create-version-tag", "-a", "web", "-e", "9", "-t", "prod");
    CliRun.Result created =
        accord.run(
            "create-version-tag", "-a", "web", "-e", "9", "-t", "prod", "--auto-create-version");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "Error: Version '9' of pacticipant 'web' does not exist in the broker. Use"
                + " --auto-create-version to create it, or check the --pacticipant and --version values.\n");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).isEqualTo("Tagged web version 9 with 'prod'\n");
    broker.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlEqualTo("/pacticipants/web/versions/9/tags/prod"))
            .withRequestBody(equalToJson("{\"name\":\"prod\"}")));
  }

  @Test
  void createOrUpdateVersionRecordsTheBranch() {
    broker.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                urlEqualTo("/pacticipants/products/branches/feat%2Fx/versions/9f8e"))
            .willReturn(hal(201, "{}")));

    CliRun.Result result =
        accord.run(
            "create-or-update-version", "-a", "products", "-e", "9f8e", "--branch", "feat/x");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("Created or updated products version 9f8e on branch feat/x\n");
    broker.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
            urlEqualTo("/pacticipants/products/branches/feat%2Fx/versions/9f8e")));
  }

  @Test
  void publishJsonOutputListsEachPublishedPact() throws Exception {
    Files.writeString(
        dir.resolve("pact.json"),
        "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"}}");
    broker.stubFor(
        post(urlEqualTo("/contracts/publish"))
            .willReturn(
                hal(
                    200,
                    "{\"notices\":[{\"type\":\"info\",\"text\":\"ok\"}],\"_links\":{\"pb:contracts\":[{\"href\":\""
                        + url()
                        + "/pacts/p\"}]}}")));

    CliRun.Result result = accord.run("publish", "pact.json", "-a", "1", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "[{\"consumer\":\"web\",\"provider\":\"products\",\"consumerVersion\":\"1\",\"pactUrl\":\""
                + url()
                + "/pacts/p\",\"notices\":[{\"type\":\"info\",\"text\":\"ok\"}]}]\n");
  }
}
