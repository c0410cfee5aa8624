package it.accord.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.conformance.CaseResult;
import dev.accord.contract.conformance.ConformanceReport;
import dev.accord.contract.conformance.OpenApiVerifier;
import dev.accord.verifier.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The running service against its own OpenAPI document, each documented response from its own
 * provider state; then a document that says something the service does not do, which fails naming
 * the field. Runs on the project's own Spring Boot and Jackson (invoker.properties: 3.4 and 4.0).
 */
class CatalogueConformanceTest {
  static ConfigurableApplicationContext app;
  static String baseUrl;

  @BeforeAll
  static void startTheService() {
    app = SpringApplication.run(CatalogueApplication.class, "--server.port=0");
    baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stopTheService() {
    app.close();
  }

  @Test
  void runsOnTheProjectsOwnSpringBootAndJackson() throws Exception {
    String springBoot = System.getProperty("spring-boot.version");
    assertThat(SpringApplication.class.getPackage().getImplementationVersion())
        .isEqualTo(springBoot);
    if (springBoot.startsWith("3.4.")) {
      // swagger-parser's Jackson 2 is the application's: Spring Boot 3.4 manages 2.18
      assertThat(jacksonVersion("com.fasterxml.jackson.databind.cfg.PackageVersion"))
          .startsWith("2.18.");
    } else {
      // openapi-verifier's Jackson 3 is the application's: Spring Boot 4.0 manages 3.0, older than
      // Accord's
      assertThat(jacksonVersion("tools.jackson.databind.cfg.PackageVersion")).startsWith("3.0.");
    }
  }

  static String jacksonVersion(String packageVersionClass) throws Exception {
    return Class.forName(packageVersionClass).getField("VERSION").get(null).toString();
  }

  @Test
  void theServiceConformsToItsDocumentStateByState() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Path reports = Path.of("target/accord-reports");

    ConformanceReport report =
        OpenApiVerifier.forDocument(Path.of("src/main/resources/catalogue.yaml"))
            .providerBaseUrl(baseUrl)
            .stateChangeUrl(baseUrl + "/_states")
            .seed(1)
            .output(new PrintStream(console, true, StandardCharsets.UTF_8))
            .colour(false)
            .reports(reports, ReportFormat.JSON, ReportFormat.JUNIT)
            .verify();

    String text =
        console.toString(StandardCharsets.UTF_8).replace(baseUrl, "http://127.0.0.1:PORT");
    assertThat(report.passed()).as(text).isTrue();
    assertThat(report.results())
        .extracting(CaseResult::request)
        .containsExactly("POST /products", "GET /products/7", "GET /products/7");
    assertThat(text)
        .contains(
            """
              PASS createProduct (POST /products) -> 201, given 'no products'
              PASS getProduct (GET /products/{id}) -> 200, given 'a product exists'
              PASS getProduct (GET /products/{id}) -> 404, given 'no products'
            """)
        .endsWith(
            "3 cases: 3 passed, 0 failed, 0 skipped, 0 not run. The provider conforms to"
                + " src/main/resources/catalogue.yaml.\n");
    assertThat(Files.readString(reports.resolve("TEST-accord-openapi-catalogue.xml")))
        .contains("tests=\"3\" failures=\"0\"");
    assertThat(Files.readString(reports.resolve("accord-openapi-catalogue.json")))
        .contains("\"outcome\"")
        .contains("\"passed\"");
  }

  @Test
  void aDocumentTheServiceDoesNotKeepFailsNamingTheFieldAndTheSchema() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    ConformanceReport report =
        OpenApiVerifier.forDocument(Path.of("src/test/resources/catalogue-price-as-integer.yaml"))
            .providerBaseUrl(baseUrl)
            .stateChangeUrl(baseUrl + "/_states")
            .seed(1)
            .output(new PrintStream(console, true, StandardCharsets.UTF_8))
            .colour(false)
            .verify();

    String text =
        console.toString(StandardCharsets.UTF_8).replace(baseUrl, "http://127.0.0.1:PORT");
    assertThat(report.passed()).as(text).isFalse();
    assertThat(text)
        .contains(
            """
              FAIL getProduct (GET /products/{id}) -> 200, given 'a product exists'
                  GET /products/7 answered 200
                  [response.body.incompatible] at $.price
                    document: #/components/schemas/Product/properties/price
            """)
        .contains("3 cases: 1 passed, 2 failed, 0 skipped, 0 not run.");
  }
}
