package dev.accord.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeTest {
  @Test
  void theThreeStatesHaveTheirTextAndColour() {
    assertThat(Badge.of("pact", true).svg()).contains(">verified</text>", Badge.VERIFIED);
    assertThat(Badge.of("pact", false).svg()).contains(">failed</text>", Badge.FAILED);
    assertThat(Badge.of("pact", null).svg()).contains(">unknown</text>", Badge.UNKNOWN);
  }

  @Test
  void textIsEscapedSoALabelCannotInjectMarkup() {
    String svg = Badge.of("<script>\"&'", true).svg();
    assertThat(svg).contains("&lt;script&gt;&quot;&amp;&apos;").doesNotContain("<script>");
  }

  @Test
  void aLongerLabelMakesAWiderBadge() {
    assertThat(width(Badge.of("a much longer label", true).svg()))
        .isGreaterThan(width(Badge.of("pact", true).svg()));
  }

  private static int width(String svg) {
    int at = svg.indexOf("width=\"") + 7;
    return Integer.parseInt(svg.substring(at, svg.indexOf('"', at)));
  }
}
