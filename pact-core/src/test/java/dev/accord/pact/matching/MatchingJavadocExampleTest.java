package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The example of {@link Matching}'s Javadoc, run as written, so the documentation cannot rot. */
class MatchingJavadocExampleTest {

  @Test
  void javadocExampleReportsTheWrongPriceTypeOnly() {
    JsonNode expectedBody = Json.parse("{\"id\": 1, \"price\": 9.99}");
    HttpResponse expected =
        HttpResponse.of(200)
            .withBody(Body.json(expectedBody))
            .withMatchingRules(
                MatchingRules.builder()
                    .add(Category.BODY, "$.id", new MatchingRule.IntegerType())
                    .add(Category.BODY, "$.price", new MatchingRule.DecimalType())
                    .build());
    HttpResponse actual =
        HttpResponse.of(200)
            .withBody(Body.json(Json.parse("{\"id\": 42, \"price\": \"9.99\", \"extra\": true}")));

    List<Mismatch> mismatches = Matching.matchResponse(expected, actual);

    assertThat(mismatches)
        .singleElement()
        .hasToString("body $.price: Expected '9.99' (String) to be a decimal number");
  }

  @Test
  void theSameExtraKeyFailsInARequest() {
    HttpRequest expected =
        HttpRequest.of("POST", "/items").withBody(Body.json(Json.parse("{\"id\": 1}")));
    HttpRequest actual = expected.withBody(Body.json(Json.parse("{\"id\": 1, \"extra\": true}")));

    assertThat(Matching.matchRequest(expected, actual))
        .singleElement()
        .hasToString(
            "body $: Expected a Map with keys [id] but received one with keys [extra, id]");
  }
}
