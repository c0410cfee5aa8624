package dev.accord.pact.generators;

import static dev.accord.pact.generators.GeneratedValues.consumer;
import static dev.accord.pact.generators.GeneratedValues.provider;
import static dev.accord.pact.generators.GeneratedValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generator.DataType;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProviderStateGeneratorTest {
  private static final Map<String, JsonNode> STATE = new LinkedHashMap<>();

  static {
    STATE.put("id", Json.parse("1000"));
    STATE.put("name", Json.parse("\"Ada\""));
    STATE.put("price", Json.parse("\"12.50\""));
    STATE.put("tags", Json.parse("[\"a\",\"b\"]"));
    STATE.put("active", Json.parse("\"true\""));
  }

  @Test
  void interpolationGivesAStringByDefault() {
    JsonNode v = value(new Generator.ProviderState("${id}", null), provider(STATE, 1));
    assertThat(v.isString()).isTrue();
    assertThat(v.asString()).isEqualTo("1000");
    assertThat(
            value(new Generator.ProviderState("/users/${id}/${name}", null), provider(STATE, 1))
                .asString())
        .isEqualTo("/users/1000/Ada");
  }

  @Test
  void aBareNameIsARawLookupKeepingTheJsonType() {
    assertThat(value(new Generator.ProviderState("id", null), provider(STATE, 1)))
        .isEqualTo(Json.parse("1000"));
    assertThat(value(new Generator.ProviderState("tags", null), provider(STATE, 1)))
        .isEqualTo(Json.parse("[\"a\",\"b\"]"));
  }

  @Test
  void dataTypeConvertsTheValue() {
    assertThat(value(new Generator.ProviderState("${id}", DataType.INTEGER), provider(STATE, 1)))
        .isEqualTo(Json.parse("1000"));
    assertThat(
            value(new Generator.ProviderState("${price}", DataType.DECIMAL), provider(STATE, 1))
                .decimalValue())
        .isEqualByComparingTo("12.50");
    assertThat(
            value(new Generator.ProviderState("price", DataType.FLOAT), provider(STATE, 1))
                .doubleValue())
        .isEqualTo(12.5);
    assertThat(
            value(new Generator.ProviderState("${active}", DataType.BOOLEAN), provider(STATE, 1))
                .booleanValue())
        .isTrue();
    assertThat(value(new Generator.ProviderState("${tags}", DataType.RAW), provider(STATE, 1)))
        .isEqualTo(Json.parse("[\"a\",\"b\"]"));
    assertThat(
            value(new Generator.ProviderState("id", DataType.STRING), provider(STATE, 1))
                .asString())
        .isEqualTo("1000");
  }

  @Test
  void anUnresolvedNameFailsNamingTheExpressionAndTheAvailableNames() {
    assertThatThrownBy(
            () ->
                value(new Generator.ProviderState("/orders/${orderId}", null), provider(STATE, 1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessage(
            "Cannot generate body $.v with ProviderState generator (expression '/orders/${orderId}'): the"
                + " provider state has no value named 'orderId' (expression '/orders/${orderId}'). Available names: [id,"
                + " name, price, tags, active]. Fix: return 'orderId' from the provider state handler, add it to the"
                + " state's params, or correct the expression");
  }

  @Test
  void aValueThatCannotBeConvertedFailsNamingTheDataType() {
    assertThatThrownBy(
            () ->
                value(new Generator.ProviderState("${name}", DataType.INTEGER), provider(STATE, 1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining(
            "the value \"Ada\" from expression '${name}' cannot be converted to dataType INTEGER");
  }

  @Test
  void providerStateGeneratorsDoNotRunInConsumerMode() {
    assertThat(value(new Generator.ProviderState("${id}", null), consumer(1)).asString())
        .isEqualTo("example");
  }

  @Test
  void fillsTheRequestPathHeaderAndQuery() {
    HttpRequest request =
        HttpRequest.of("GET", "/users/1")
            .withHeaders(Map.of("X-User", java.util.List.of("1")))
            .withGenerators(
                Generators.empty()
                    .with(
                        Category.PATH,
                        "",
                        new Generator.ProviderState("/users/${id}", DataType.STRING))
                    .with(Category.HEADER, "x-user", new Generator.ProviderState("${name}", null))
                    .with(Category.QUERY, "id", new Generator.ProviderState("id", null)));
    HttpRequest out = Generation.generateRequest(request, provider(STATE, 1));
    assertThat(out.path()).isEqualTo("/users/1000");
    assertThat(out.headers()).containsEntry("X-User", java.util.List.of("Ada"));
    assertThat(out.query()).containsEntry("id", java.util.List.of("1000"));
  }
}
