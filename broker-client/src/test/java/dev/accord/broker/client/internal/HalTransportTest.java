package dev.accord.broker.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HalTransportTest {

  @Test
  void retryAfterAcceptsSecondsAndHttpDatesAndIgnoresGarbage() {
    assertThat(HalTransport.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
    String inAMinute =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
    assertThat(HalTransport.parseRetryAfter(inAMinute))
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90)));
    assertThat(HalTransport.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .contains(Duration.ZERO);
    assertThat(HalTransport.parseRetryAfter("soon")).isEmpty();
    assertThat(HalTransport.parseRetryAfter("-5")).isEmpty();
  }

  @Test
  void brokerErrorsAreFlattenedFromEveryShapeThePactBrokerUses() {
    assertThat(
            HalTransport.errors(
                Json.parse("{\"errors\":[\"Pacticipant Foo not found\",\"second\"]}")))
        .containsExactly("Pacticipant Foo not found", "second");
    assertThat(HalTransport.errors(Json.parse("{\"errors\":\"plain\"}"))).containsExactly("plain");
    assertThat(
            HalTransport.errors(
                Json.parse("{\"errors\":{\"contracts\":[{\"content\":[\"is not base64\"]}]}}")))
        .containsExactly("contracts[0].content: is not base64");
    assertThat(
            HalTransport.errors(
                Json.parse("{\"error\":{\"message\":\"boom\",\"reference\":\"abc\"}}")))
        .containsExactly("boom");
  }

  @Test
  void templatesAreFilledWithPercentEncodedValues() {
    assertThat(
            Hal.expand(
                "/pacticipants/{pacticipant}/branches/{branch}",
                Map.of("pacticipant", "my app", "branch", "feat/x+y")))
        .isEqualTo("/pacticipants/my%20app/branches/feat%2Fx%2By");
  }
}
