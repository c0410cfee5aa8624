package dev.accord.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.AccordCommand;
import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole workflow, on a real broker-server over PostgreSQL, as three pipelines would run it:
 * orders-service's CI (consumer tests, publish), products-service's CI (verify from the broker,
 * publish results) and the deploy gates (record-deployment, can-i-deploy). The tests run in order
 * and build on each other, like the pipelines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractWorkflowE2ETest {
  private static final String CONSUMER_V1 = "c0ffee1";
  private static final String CONSUMER_V2 = "c0ffee2";
  private static final String PROVIDER_V1 = "5eed001";
  private static final String PROVIDER_V2 = "5eed002";

  private final Path target = Path.of("target");
  private Path pacts;
  private PostgresDatabase database;
  private BrokerProcess broker;
  private PactBrokerClient brokerClient;

  @BeforeAll
  void startBrokerOnPostgres() throws Exception {
    database = PostgresDatabase.create();
    broker =
        BrokerProcess.start(
            database.jdbcUrl(), PostgresDatabase.USER, target.resolve("e2e-broker.log"));
    brokerClient = PactBrokerClient.builder().baseUrl(broker.baseUrl).build();
    pacts = Files.createDirectories(target.resolve("e2e-pacts"));
    try (var files = Files.list(pacts)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (broker != null) {
        broker.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  @Order(1)
  void consumerIsDeployableOnceTheProviderVerifiedItsPact() throws Exception {
    // GIVEN orders-service's contract tests wrote its pact
    TestExecutionSummary consumerTests = runConsumerContractTests(pacts);
    assertThat(consumerTests.getFailures()).isEmpty();
    assertThat(consumerTests.getTestsSucceededCount()).isEqualTo(4);
    Path pact = pacts.resolve("orders-service-products-service.json");
    assertThat(pact).exists();

    // AND the pact is published under orders-service's git SHA, and products-service runs in
    // production
    assertThat(accord("create-environment", "--name", "production", "--production").exitCode())
        .isZero();
    assertThat(
            accord(
                    "create-or-update-pacticipant",
                    "--name",
                    "orders-service",
                    "--main-branch",
                    "main")
                .exitCode())
        .isZero();
    Cli published =
        accord(
            "publish", pacts.toString(), "--consumer-app-version", CONSUMER_V1, "--branch", "main");
    assertThat(published.exitCode()).as(published.toString()).isZero();
    assertThat(published.out())
        .contains(
            "Published the pact between orders-service and products-service under orders-service version "
                + CONSUMER_V1
                + ", branch main")
        .contains(
            "Created pact for orders-service version "
                + CONSUMER_V1
                + " and provider products-service (new content, it needs verifying)");

    // WHEN products-service verifies the pacts the broker selects and publishes the results
    try (ProductsServiceInstance products = ProductsServiceInstance.current("e2e-products-v1")) {
      BrokerVerification.Outcome verified =
          BrokerVerification.verify(brokerClient, products.verifier(), PROVIDER_V1, "main");
      assertThat(verified.report().passed()).as(verified.output()).isTrue();
      assertThat(verified.report().summary()).isEqualTo("0 of 4 interactions failed");
      assertThat(verified.report().publishing())
          .singleElement()
          .asString()
          .startsWith(
              "Published successful verification of orders-service -> products-service as provider version "
                  + PROVIDER_V1
                  + " (branch main): "
                  + broker.baseUrl
                  + "/");
    }
    assertThat(
            accord(
                    "record-deployment",
                    "--pacticipant",
                    "products-service",
                    "--version",
                    PROVIDER_V1,
                    "--environment",
                    "production")
                .exitCode())
        .isZero();

    // THEN can-i-deploy says yes for orders-service, in a table and in JSON
    Cli yes =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "orders-service",
            "--version",
            CONSUMER_V1,
            "--to-environment",
            "production");
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(yes.out())
        .containsPattern(
            "orders-service \\| "
                + CONSUMER_V1
                + " +\\| products-service \\| "
                + PROVIDER_V1
                + " +\\| true +\\| 1")
        .contains("All required verification results are published and successful")
        .contains("✅ Computer says yes \\o/");
    Cli json =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "orders-service",
            "--version",
            CONSUMER_V1,
            "--to-environment",
            "production",
            "--output",
            "json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(Json.parse(json.out()).path("summary").path("deployable").asBoolean()).isTrue();

    assertThat(
            accord(
                    "record-deployment",
                    "--pacticipant",
                    "orders-service",
                    "--version",
                    CONSUMER_V1,
                    "--environment",
                    "production")
                .exitCode())
        .isZero();
  }

  @Test
  @Order(2)
  void providerThatRenamesAFieldTheConsumerReadsIsNotDeployable() throws Exception {
    // GIVEN a products-service build that writes "title" where orders-service reads "name"
    BrokerVerification.Outcome verified;
    try (ProductsServiceInstance products =
        ProductsServiceInstance.withNameRenamedToTitle("e2e-products-v2")) {
      // WHEN it verifies the deployed consumer's pact from the broker and publishes the results
      verified = BrokerVerification.verify(brokerClient, products.verifier(), PROVIDER_V2, "main");
    }

    // THEN the verification fails on the renamed field ...
    assertThat(verified.report().passed()).isFalse();
    assertThat(verified.report().summary()).isEqualTo("2 of 4 interactions failed");
    assertThat(verified.report().describe())
        .contains("orders-service · a request for a product [given a product exists]")
        .contains("at $.name")
        .contains("Actual map is missing the following keys: name")
        .contains("expected: \"Widget Pro\"")
        .contains("actual:   (missing)");
    assertThat(verified.report().publishing())
        .singleElement()
        .asString()
        .startsWith(
            "Published failed verification of orders-service -> products-service as provider version "
                + PROVIDER_V2
                + " (branch main): ");

    // ... and can-i-deploy says no, naming the failed interaction and the renamed field itself
    Cli no =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "products-service",
            "--version",
            PROVIDER_V2,
            "--to-environment",
            "production");
    assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
    assertThat(no.out())
        .containsPattern(
            "orders-service \\| "
                + CONSUMER_V1
                + " +\\| products-service \\| "
                + PROVIDER_V2
                + " +\\| false +\\| 1")
        .contains("❌ Computer says no ¯\\_(ツ)_/¯")
        .contains(
            "[error] The verification for the pact between orders-service ("
                + CONSUMER_V1
                + ") and products-service ("
                + PROVIDER_V2
                + ") failed: see ")
        .contains("  - Interaction \"a request for a product\" failed:")
        .contains("Actual map is missing the following keys: name")
        .contains("What to do next: the reasons above name the interactions and fields that broke");
    Cli noJson =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "products-service",
            "--version",
            PROVIDER_V2,
            "--to-environment",
            "production",
            "--output",
            "json");
    assertThat(noJson.exitCode()).as(noJson.toString()).isEqualTo(1);
    assertThat(Json.parse(noJson.out()).path("summary").path("deployable").asBoolean(true))
        .isFalse();
    assertThat(Json.parse(noJson.out()).path("summary").path("reason").asString())
        .contains("Interaction \"a request for a product\" failed:")
        .contains("Actual map is missing the following keys: name");
    String failedResult = brokerGet(firstVerificationResultUrl(no.out()));
    assertThat(Json.parse(failedResult).path("testResults").toString())
        .contains("a request for a product")
        .contains("Actual map is missing the following keys: name");
  }

  @Test
  @Order(3)
  void consumerVersionTheProviderHasNotVerifiedIsUnknown() throws Exception {
    // GIVEN orders-service publishes a new pact that now also expects a currency
    Path changed =
        Files.createDirectories(target.resolve("e2e-pacts-v2"))
            .resolve("orders-service-products-service.json");
    Files.writeString(
        changed,
        withCurrencyExpected(
            Files.readString(pacts.resolve("orders-service-products-service.json"))));
    assertThat(
            accord(
                    "publish",
                    changed.toString(),
                    "--consumer-app-version",
                    CONSUMER_V2,
                    "--branch",
                    "main")
                .exitCode())
        .isZero();

    // WHEN it asks whether it can deploy before products-service verified that pact
    Cli unknown =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "orders-service",
            "--version",
            CONSUMER_V2,
            "--to-environment",
            "production");

    // THEN the answer is unknown, with the reason and what to do
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
    assertThat(unknown.out())
        .containsPattern(
            "orders-service \\| "
                + CONSUMER_V2
                + " +\\| products-service \\| "
                + PROVIDER_V1
                + " +\\| \\?\\?\\? +\\|")
        .contains("❌ Computer says no ¯\\_(ツ)_/¯ (unknown: a verification result is missing)")
        .contains(
            "[warning] There is no verified pact between orders-service ("
                + CONSUMER_V2
                + ") and products-service ("
                + PROVIDER_V1
                + "): products-service version "
                + PROVIDER_V1
                + " (in production) has no verification result"
                + " for the pact content")
        .contains(
            "products-service has never verified this pact content: run its provider verification")
        .contains(
            "Usually the provider has not verified this pact yet, or published its result under another"
                + " version.");
    Cli unknownJson =
        accord(
            "can-i-deploy",
            "--pacticipant",
            "orders-service",
            "--version",
            CONSUMER_V2,
            "--to-environment",
            "production",
            "--output",
            "json");
    assertThat(unknownJson.exitCode()).as(unknownJson.toString()).isEqualTo(1);
    assertThat(Json.parse(unknownJson.out()).path("summary").path("deployable").isNull())
        .as("summary.deployable is null for unknown in:\n" + unknownJson.out())
        .isTrue();
  }

  @Test
  @Order(4)
  void theWebUiShowsWhatAPersonLooksFor() throws Exception {
    HeadlessChromium.assumeInstalled();
    // GIVEN products-service's CI verifies the pact orders-service changed, and fails: it returns
    // no currency yet
    try (ProductsServiceInstance products =
        ProductsServiceInstance.current("e2e-products-v1-again")) {
      BrokerVerification.Outcome verified =
          BrokerVerification.verify(brokerClient, products.verifier(), PROVIDER_V1, "main");
      assertThat(verified.report().passed()).as(verified.output()).isFalse();
    }

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      // WHEN a person opens the broker's address in a browser THEN the integrations page lists the
      // pair with its status
      browser.open(broker.baseUrl + "/");
      assertThat(browser.currentUrl()).isEqualTo(broker.baseUrl + "/ui");
      WebElement integration =
          browser.find("tr[data-consumer='orders-service'][data-provider='products-service']");
      assertThat(integration.getText())
          .contains(
              "orders-service",
              "products-service",
              CONSUMER_V2,
              "main",
              "failed",
              "by " + PROVIDER_V1);
      WebElement badge = integration.findElement(By.cssSelector("img.badge"));
      assertThat(browser.imageLoaded(badge)).as("the badge image rendered").isTrue();
      browser.screenshot("ui-index");

      // ... the pact reads as documentation, with its states and matchers in words
      integration.findElement(By.linkText("pact")).click();
      browser.waitForText("main", "a request for a product");
      assertThat(browser.mainText())
          .contains(
              "a request for a product",
              "Given",
              "a product exists",
              "GET /api/products/42",
              "$.price: any decimal (like 29.99)",
              "a request for the products of a category",
              "an array of at least 1 element, each like");
      browser.screenshot("ui-pact");

      // ... the matrix names the field the breaking provider version dropped
      browser.open(broker.baseUrl + "/ui/matrix?consumer=orders-service&provider=products-service");
      WebElement failed =
          browser.findAll("#matrix tbody tr").stream()
              .filter(r -> r.getText().contains(CONSUMER_V1) && r.getText().contains(PROVIDER_V2))
              .findFirst()
              .orElseThrow();
      assertThat(failed.getText())
          .contains(
              "failed",
              "Interaction \"a request for a product\" failed:",
              "Actual map is missing the following keys: name");
      browser.screenshot("ui-matrix");

      // ... the environments page shows what runs in production
      browser.open(broker.baseUrl + "/ui/environments");
      assertThat(browser.find("#environment-production").getText())
          .contains("products-service " + PROVIDER_V1, "orders-service " + CONSUMER_V1);
      browser.screenshot("ui-environments");

      // ... and can-i-deploy, asked through the form, says no for the breaking version and names
      // the field
      browser.open(broker.baseUrl + "/ui/can-i-deploy");
      browser.find("input[name=pacticipant]").sendKeys("products-service");
      browser.find("input[name=version]").sendKeys(PROVIDER_V2);
      browser.find("select[name=environment]").sendKeys("production");
      browser.find("form.filters button").click();
      // the click starts a navigation that WebDriver does not always wait for: wait for the answer
      // page
      assertThat(browser.waitFor("#verdict").getText())
          .startsWith("No: products-service " + PROVIDER_V2 + " cannot be deployed to production");
      assertThat(browser.find("#reasons").getText())
          .contains(
              "Interaction \"a request for a product\" failed:",
              "Actual map is missing the following keys: name");
      browser.screenshot("ui-can-i-deploy");

      // ... the network diagram draws, and focusing the provider lists its consumer with the failed
      // status
      browser.open(broker.baseUrl + "/ui/network?focus=products-service");
      browser.waitFor("html[data-network-ready]");
      assertThat(browser.find("#network-panel h2").getText()).isEqualTo("products-service");
      WebElement consumer =
          browser.findAll("#network-panel li").stream()
              .filter(li -> li.getText().contains("orders-service"))
              .findFirst()
              .orElseThrow();
      assertThat(consumer.findElement(By.cssSelector("span.dot")).getAttribute("class"))
          .contains("failed");

      // ... and the provider's usage map says orders-service reads the field the breaking version
      // dropped
      browser.open(broker.baseUrl + "/ui/providers/products-service/usage?q=name");
      WebElement nameField =
          browser.findAll("tr.usage-field").stream()
              .filter(r -> r.findElement(By.cssSelector("td.field")).getText().endsWith("$.name"))
              .findFirst()
              .orElseThrow();
      assertThat(nameField.getText()).contains("orders-service");
    }

    // AND the badge for a README is an SVG the broker draws, saying the latest pact failed
    // verification
    HttpResponse<String> badge =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            broker.baseUrl
                                + "/pacts/provider/products-service/consumer/orders-service/latest/badge"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(badge.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(badge.body()).startsWith("<svg").contains(">failed</text>");
  }

  // ---- helpers ----

  record Cli(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** {@code accord ...} in-process, as CI runs it, with PACT_BROKER_BASE_URL set. */
  private Cli accord(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AccordCommand.run(
            new AccordCommand(
                Map.of("PACT_BROKER_BASE_URL", broker.baseUrl),
                Path.of("").toAbsolutePath(),
                d -> {}),
            new PrintWriter(out),
            new PrintWriter(err),
            args);
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * orders-service's contract tests, run as its CI would, writing their pact into {@code
   * directory}.
   */
  private static TestExecutionSummary runConsumerContractTests(Path directory) {
    String previous = System.setProperty("accord.pact.dir", directory.toAbsolutePath().toString());
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(
                  selectClass("dev.accord.examples.orders.ProductClientContractTest"),
                  selectClass("dev.accord.examples.orders.OrderPlacedContractTest"))
              .build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(request, listener);
      return listener.getSummary();
    } finally {
      if (previous == null) {
        System.clearProperty("accord.pact.dir");
      } else {
        System.setProperty("accord.pact.dir", previous);
      }
    }
  }

  private static String withCurrencyExpected(String pactJson) {
    JsonNode pact = Json.parse(pactJson);
    for (JsonNode interaction : pact.path("interactions")) {
      if (interaction.path("description").asString().equals("a request for a product")) {
        ((ObjectNode) interaction.path("response").path("body").path("content"))
            .put("currency", "EUR");
      }
    }
    return Json.write(pact);
  }

  private static String firstVerificationResultUrl(String canIDeployOutput) {
    Matcher m = Pattern.compile("(?m)^1\\. (\\S+)").matcher(canIDeployOutput);
    assertThat(m.find()).as("a verification result URL in:\n" + canIDeployOutput).isTrue();
    return m.group(1);
  }

  private static String brokerGet(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/hal+json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
