package dev.accord.pact.generators;

import static dev.accord.pact.generators.GeneratedValues.FIXED;
import static dev.accord.pact.generators.GeneratedValues.provider;
import static dev.accord.pact.generators.GeneratedValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.model.Generator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MockServerUrlGeneratorTest {
  private static final Generator.MockServerUrl ORDERS =
      new Generator.MockServerUrl("http://localhost:8080/orders/42", ".*(/orders/\\d+)$");

  private static GeneratorContext consumerAt(String url) {
    return new GeneratorContext(
        GeneratorMode.CONSUMER, Map.of(), Optional.ofNullable(url), 1, FIXED);
  }

  @Test
  void replacesSchemeHostAndPortKeepingTheCapturedPath() {
    assertThat(value(ORDERS, consumerAt("http://127.0.0.1:51234")).asString())
        .isEqualTo("http://127.0.0.1:51234/orders/42");
    assertThat(value(ORDERS, consumerAt("http://127.0.0.1:51234/")).asString())
        .isEqualTo("http://127.0.0.1:51234/orders/42");
  }

  @Test
  void usesTheCurrentValueWhenTheGeneratorHasNoExample() {
    Generator g = new Generator.MockServerUrl(null, ".*(/a/b)$");
    assertThat(value(g, consumerAt("http://mock"), "\"https://prod.example.com/a/b\"").asString())
        .isEqualTo("http://mock/a/b");
  }

  @Test
  void doesNotRunInProviderMode() {
    assertThat(value(ORDERS, provider(Map.of(), 1)).asString()).isEqualTo("example");
  }

  @Test
  void failsWhenTheRegexDoesNotMatchTheExample() {
    Generator g = new Generator.MockServerUrl("http://localhost:8080/items/1", ".*(/orders/\\d+)$");
    assertThatThrownBy(() -> value(g, consumerAt("http://mock")))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining(
            "the regex '.*(/orders/\\d+)$' does not match the example 'http://localhost:8080/items/1'");
  }

  @Test
  void failsWhenTheContextHasNoMockServerUrl() {
    assertThatThrownBy(() -> value(ORDERS, consumerAt(null)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("the generator context has no mock server URL");
  }
}
