package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pacts written by other Pact implementations verify with Accord against a real HTTP provider. */
class InteroperabilityTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /**
   * A pact written by pact-jvm 4.7.5: states with params, ProviderState generators, type and
   * decimal rules.
   */
  private Path pactJvmPact(PactSpecVersion version) {
    MatchingRulesImpl responseRules = new MatchingRulesImpl();
    responseRules
        .addCategory("body")
        .addRule("$.id", TypeMatcher.INSTANCE)
        .addRule("$.name", TypeMatcher.INSTANCE)
        .addRule("$.price", new NumberTypeMatcher(NumberTypeMatcher.NumberType.DECIMAL))
        .addRule("$.tags", new MinTypeMatcher(1));
    Map<
            au.com.dius.pact.core.model.generators.Category,
            Map<String, au.com.dius.pact.core.model.generators.Generator>>
        requestGenerators = new HashMap<>();
    Generators reqGen =
        new Generators(requestGenerators)
            .addGenerator(
                Category.PATH,
                "",
                new ProviderStateGenerator(
                    "/products/${id}", au.com.dius.pact.core.support.expressions.DataType.STRING));
    Generators respGen =
        new Generators(new HashMap<>())
            .addGenerator(
                Category.BODY,
                "$.id",
                new ProviderStateGenerator(
                    "id", au.com.dius.pact.core.support.expressions.DataType.STRING));
    Request getRequest =
        new Request(
            "GET",
            "/products/p1",
            new HashMap<>(),
            new HashMap<>(Map.of("Accept", List.of("application/json"))),
            OptionalBody.missing(),
            new MatchingRulesImpl(),
            reqGen);
    Response getResponse =
        new Response(
            200,
            new HashMap<>(Map.of("Content-Type", List.of("application/json"))),
            OptionalBody.body(
                "{\"id\":\"p1\",\"name\":\"Pact in Action\",\"price\":12.5,\"tags\":[\"book\"]}",
                au.com.dius.pact.core.model.ContentType.Companion.getJSON()),
            responseRules,
            respGen);
    RequestResponseInteraction get =
        new RequestResponseInteraction(
            "a request for a product",
            List.of(
                new au.com.dius.pact.core.model.ProviderState(
                    "a product exists", Map.of("name", "Pact in Action"))),
            getRequest,
            getResponse,
            null);

    Request post =
        new Request(
            "POST",
            "/products",
            new HashMap<>(),
            new HashMap<>(Map.of("Content-Type", List.of("application/json"))),
            OptionalBody.body(
                "{\"name\":\"Contract Testing\"}",
                au.com.dius.pact.core.model.ContentType.Companion.getJSON()),
            new MatchingRulesImpl(),
            new Generators(new HashMap<>()));
    MatchingRulesImpl postRules = new MatchingRulesImpl();
    postRules.addCategory("body").addRule("$.id", TypeMatcher.INSTANCE);
    Response created =
        new Response(
            201,
            new HashMap<>(Map.of("Content-Type", List.of("application/json"))),
            OptionalBody.body(
                "{\"id\":\"p2\",\"name\":\"Contract Testing\"}",
                au.com.dius.pact.core.model.ContentType.Companion.getJSON()),
            postRules,
            new Generators(new HashMap<>()));
    RequestResponseInteraction create =
        new RequestResponseInteraction(
            "a request to add a product", List.of(), post, created, null);

    RequestResponsePact pact =
        new RequestResponsePact(
            new Provider("products-service"), new Consumer("orders-service"), List.of(get, create));
    Path file = dir.resolve("orders-service-products-service-" + version + ".json");
    DefaultPactWriter.INSTANCE.writePact(file.toFile(), pact, version);
    return file;
  }

  private VerificationReport verify(ProductsProvider provider, Path pact) {
    return ProviderVerifier.forProvider("products-service")
        .baseUrl(provider.url())
        .stateChangeUrl(provider.url() + "/_pact/state")
        .pactsFrom(PactSource.file(pact))
        .output(new PrintStream(console, true))
        .verify();
  }

  @ParameterizedTest
  @EnumSource(
      value = PactSpecVersion.class,
      names = {"V3", "V4"})
  void aPactWrittenByPactJvmVerifiesUsingTheIdTheStateEndpointReturned(PactSpecVersion version)
      throws Exception {
    // GIVEN a pact-jvm pact whose request path comes from the provider state ("/products/${id}")
    Path pact = pactJvmPact(version);
    try (ProductsProvider provider = new ProductsProvider()) {
      // WHEN it is verified against a provider whose state endpoint seeds p7 and returns {"id":
      // "p7"}
      VerificationReport report = verify(provider, pact);

      // THEN it passes, and the request used the returned id, not the example p1
      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(report.summary()).isEqualTo("0 of 2 interactions failed");
      assertThat(provider.server.received("/products/p7")).hasSize(1);
      assertThat(provider.server.received("/products/p1")).isEmpty();
    }
  }

  @Test
  void aProviderThatBreaksTheContractFailsNamingTheInteractionAndThePath() throws Exception {
    Path pact = pactJvmPact(PactSpecVersion.V3);
    try (ProductsProvider provider = new ProductsProvider()) {
      provider.breakPrice = true; // price becomes the string "42.00"

      VerificationReport report = verify(provider, pact);

      assertThat(report.passed()).isFalse();
      assertThat(report.summary()).isEqualTo("1 of 2 interactions failed");
      InteractionResult failed =
          report.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
      assertThat(failed.displayName())
          .isEqualTo("orders-service \u00b7 a request for a product [given a product exists]");
      assertThat(failed.failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.summary()).isEqualTo("Body had differences");
                assertThat(f.path()).isEqualTo("$.price");
                assertThat(f.actual()).contains("42.00");
              });
      assertThat(console.toString())
          .contains("FAIL orders-service \u00b7 a request for a product [given a product exists]")
          .contains("Body had differences")
          .contains("$.price")
          .contains("1 of 2 interactions failed" + System.lineSeparator() + "To replay: seed ");
    }
  }

  @Test
  void aPactWrittenByThePactCliMockServerVerifies() throws Exception {
    // fixture produced by `pact mock` (pact_mock_server 2.1.3): V4, response bodies base64 with
    // contentType */*
    Path pact = Path.of("src/test/resources/pacts/pact-cli-mock-server.json");
    try (ProductsProvider provider = new ProductsProvider()) {
      provider.products.put("p1", "Pact in Action");
      VerificationReport report = verify(provider, pact);
      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(report.summary()).isEqualTo("0 of 3 interactions failed");
    }
  }

  @Test
  void aPactWrittenLiveByThePactCliMockServerVerifies() throws Exception {
    Path written =
        PactCli.recordWithMockServer(
            Path.of("src/test/resources/pacts/products-v3-input.json"), dir);
    assertThat(Files.readString(written)).contains("\"pactRust\"");
    try (ProductsProvider provider = new ProductsProvider()) {
      provider.products.put("p1", "Pact in Action");
      VerificationReport report = verify(provider, written);
      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(report.summary()).isEqualTo("0 of 3 interactions failed");
    }
  }
}
