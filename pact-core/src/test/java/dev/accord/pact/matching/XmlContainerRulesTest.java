package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * XML as the reference implementation matches it (each case also runs against {@code pact verifier}
 * in provider-verifier's {@code DialectsAgainstPactVerifierTest}): responses are lenient about
 * extra repeated elements and attributes, requests strict; {@code min}/{@code max} bound a
 * container's children; a type rule on a container refuses a child of another name; namespace
 * mismatches name both URIs.
 */
class XmlContainerRulesTest {

  private static HttpResponse response(String xml, MatchingRules rules) {
    return HttpResponse.of(200)
        .withHeaders(Map.of("Content-Type", List.of("application/xml")))
        .withBody(Body.text(xml, ContentType.XML))
        .withMatchingRules(rules);
  }

  private static HttpRequest request(String xml) {
    return HttpRequest.of("PUT", "/")
        .withHeaders(Map.of("Content-Type", List.of("application/xml")))
        .withBody(Body.text(xml, ContentType.XML));
  }

  private static List<String> verify(String expected, MatchingRules rules, String actual) {
    return described(
        Matching.matchResponse(response(expected, rules), response(actual, MatchingRules.empty())));
  }

  private static MatchingRules rule(String path, MatchingRule rule) {
    return MatchingRules.builder().add(Category.BODY, path, rule).build();
  }

  @Test
  void aResponseWithOneMoreRepeatedElementMatches() {
    assertThat(
            verify(
                "<person><favouriteColour>red</favouriteColour><favouriteColour>blue</favouriteColour></person>",
                MatchingRules.empty(),
                "<person><favouriteColour>red</favouriteColour><favouriteColour>blue</favouriteColour>"
                    + "<favouriteColour>green</favouriteColour></person>"))
        .isEmpty();
  }

  @Test
  void aRequestWithOneMoreRepeatedElementDoesNot() {
    String expected = "<person><colour>red</colour><colour>blue</colour></person>";
    String actual =
        "<person><colour>red</colour><colour>blue</colour><colour>green</colour></person>";

    assertThat(described(Matching.matchRequest(request(expected), request(actual))))
        .containsExactly("$.person.colour -> Expected 2 <colour/> child element(s) but received 3");
  }

  @Test
  void fewerRepeatedElementsFailInAResponseToo() {
    assertThat(
            verify(
                "<people><person>a</person><person>a</person></people>",
                MatchingRules.empty(),
                "<people><person>a</person></people>"))
        .containsExactly("$.people.person -> Expected 2 <person/> child element(s) but received 1");
  }

  @Test
  void aResponseWithAnExtraAttributeMatches() {
    assertThat(verify("<a x=\"1\"/>", MatchingRules.empty(), "<a x=\"1\" y=\"2\"/>")).isEmpty();
  }

  @Test
  void minOnTheRootContainerBoundsItsChildren() {
    MatchingRules min2 = rule("$.animals", new MatchingRule.Type(2, null));

    assertThat(verify("<animals><cat/><cat/></animals>", min2, "<animals><cat/></animals>"))
        .containsExactly(
            "$.animals -> Expected <animals/> to have at least 2 child node(s) but received 1");
    assertThat(
            verify(
                "<animals><cat/><cat/></animals>", min2, "<animals><cat/><cat/><cat/></animals>"))
        .isEmpty();
  }

  @Test
  void maxOnAContainerBoundsItsChildren() {
    MatchingRules max2 = rule("$.zoo.animals", new MatchingRule.Type(null, 2));

    assertThat(
            verify(
                "<zoo><animals><cat/></animals></zoo>",
                max2,
                "<zoo><animals><cat/><cat/><cat/></animals></zoo>"))
        .containsExactly(
            "$.zoo.animals -> Expected <animals/> to have at most 2 child node(s) but received 3");
  }

  @Test
  void aTypeRuleOnAContainerRefusesAChildOfAnotherName() {
    MatchingRules type = rule("$.people", new MatchingRule.Type(null, null));

    assertThat(
            verify(
                "<people><person>a</person></people>",
                type,
                "<people><person>x</person><cat>y</cat></people>"))
        .containsExactly("$.people.cat -> Unexpected child <cat/> received");
    // without the rule, a response may carry other children
    assertThat(
            verify(
                "<people><person>a</person></people>",
                MatchingRules.empty(),
                "<people><person>a</person><cat>y</cat></people>"))
        .isEmpty();
  }

  @Test
  void aNamespaceMismatchNamesBothUris() {
    assertThat(
            verify(
                "<a:alligator xmlns:a=\"urn:one\"/>",
                MatchingRules.empty(),
                "<a:alligator xmlns:a=\"urn:two\"/>"))
        .containsExactly(
            "$ -> Expected element <a:alligator/> (namespace urn:one) but received <a:alligator/> "
                + "(namespace urn:two)");
    assertThat(
            verify(
                "<zoo xmlns:a=\"urn:one\"><a:cat/></zoo>",
                MatchingRules.empty(),
                "<zoo><cat/></zoo>"))
        .containsExactly(
            "$.zoo.cat -> Expected child <a:cat/> (namespace urn:one) but received <cat/> (no namespace)");
  }
}
