package dev.accord.broker.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedTestsTest {
  @Test
  void namesTheFailingInteractionsAndTheirMismatchesAsAccordAndPactJvmPublishThem() {
    String results =
        """
        [{"interactionId":"a1","interactionDescription":"a request for a product","success":false,
          "mismatches":[{"attribute":"body","identifier":"$","description":"Body mismatch: $ -> Actual map is missing the following keys: name\\n  expected: {}\\n"},
                        {"attribute":"status","description":"expected 200 but was 404"}]},
         {"interactionId":"a2","interactionDescription":"a request for a missing product","success":true},
         {"interactionId":"a3","success":false,"mismatches":[{"attribute":"header","identifier":"Content-Type","description":"Expected 'application/json'"}]}]
        """;

    assertThat(FailedTests.describe(results))
        .containsExactly(
            "  - Interaction \"a request for a product\" failed:",
            "      body: Body mismatch: $ -> Actual map is missing the following keys: name | expected: {}",
            "      status: expected 200 but was 404",
            "  - Interaction with _id a3 failed:",
            "      header Content-Type: Expected 'application/json'");
  }

  @Test
  void boundsTheAnswerToThreeInteractionsOfThreeMismatchesThenCountsTheRest() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 1; i <= 5; i++) {
      json.append(i > 1 ? "," : "")
          .append("{\"interactionDescription\":\"i")
          .append(i)
          .append("\",\"success\":false,\"mismatches\":[");
      for (int m = 1; m <= 4; m++) {
        json.append(m > 1 ? "," : "")
            .append("{\"path\":\"$.f")
            .append(m)
            .append("\",\"expected\":\"x\",\"actual\":")
            .append(m)
            .append("}");
      }
      json.append("]}");
    }
    json.append("]");

    assertThat(FailedTests.describe(json.toString()))
        .containsExactly(
            "  - Interaction \"i1\" failed:",
            "      $.f1: expected \"x\" but was 1",
            "      $.f2: expected \"x\" but was 2",
            "      $.f3: expected \"x\" but was 3",
            "      ... and 1 more mismatch",
            "  - Interaction \"i2\" failed:",
            "      $.f1: expected \"x\" but was 1",
            "      $.f2: expected \"x\" but was 2",
            "      $.f3: expected \"x\" but was 3",
            "      ... and 1 more mismatch",
            "  - Interaction \"i3\" failed:",
            "      $.f1: expected \"x\" but was 1",
            "      $.f2: expected \"x\" but was 2",
            "      $.f3: expected \"x\" but was 3",
            "      ... and 1 more mismatch",
            "  ... and 2 more failed interactions");
  }

  @Test
  void readsTheRubyVerifiersTestsObjectAndExceptions() {
    String ruby =
        """
        {"summary":{"testCount":2,"failureCount":1},"tests":[
          {"testDescription":"has status code 200","status":"passed"},
          {"testDescription":"has a matching body","status":"failed","exception":{"message":"Expected \\\"name\\\" but it was missing"}}]}
        """;
    assertThat(FailedTests.describe(ruby))
        .containsExactly(
            "  - Interaction \"has a matching body\" failed:",
            "      error: Expected \"name\" but it was missing");
  }

  @Test
  void saysNothingWhenThereIsNothingUsable() {
    assertThat(FailedTests.describe(null)).isEmpty();
    assertThat(FailedTests.describe("[]")).isEmpty();
    assertThat(FailedTests.describe("not json")).isEmpty();
    assertThat(FailedTests.describe("{\"x\":1}")).isEmpty();
    assertThat(FailedTests.describe("[{\"interactionDescription\":\"quiet\",\"success\":false}]"))
        .containsExactly(
            "  - Interaction \"quiet\" failed:",
            "      (the verifier published no mismatch details for it)");
  }
}
