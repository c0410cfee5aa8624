package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Header values compared as the specification and the reference implementation (pact_matching)
 * compare them: case-sensitive, except the values of {@code Content-Type} and {@code Accept}
 * parameters. The same cases run against {@code pact verifier} in provider-verifier's {@code
 * DialectsAgainstPactVerifierTest}.
 */
class HeaderValueCaseTest {

  @ParameterizedTest(name = "{0}: expected ''{1}'', actual ''{2}'' -> matches: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      # the specification's own test data: a header value in another case is a mismatch
      Accept       | alligators                        | Alligators                          | false
      Accept       | application/json                  | application/JSON                    | false
      Accept       | application/json                  | application/json;q=0.9              | true
      Accept       | application/json, text/plain      | application/json, text/plain        | true
      Accept       | application/json, text/plain      | text/plain, application/json        | false
      Accept       | application/hal+json;charset=utf-8 | application/hal+json;charset=UTF-8 | true
      # type and subtype as written; parameter values ignore case, parameter names do not
      Content-Type | application/json                  | Application/Json                    | false
      Content-Type | application/json                  | application/json; charset=UTF-8     | true
      Content-Type | application/json; charset=UTF-8   | application/json;charset=utf-8      | true
      Content-Type | application/json; charset=UTF-8   | application/json                    | false
      Content-Type | application/json; charset=UTF-8   | application/json; charset=UTF-16    | false
      Content-Type | application/json; charset=UTF-8   | application/json; Charset=UTF-8     | false
      Content-Type | text/plain; format=flowed         | text/plain; format=FLOWED           | true
      Content-Type | text/plain; format=flowed         | text/plain; format=fixed            | false
      Content-Type | application/json                  | application/json;                   | true
      # any other header: exactly, case and all
      X-Colour     | red                               | red                                 | true
      X-Colour     | red                               | Red                                 | false
      X-Colour     | red, green                        | red,green                           | true
      """)
  void aHeaderValueMatchesAsTheReferenceImplementationDecides(
      String name, String expected, String actual, boolean matches) {
    HttpResponse e = HttpResponse.of(200).withHeaders(Map.of(name, List.of(expected)));
    HttpResponse a = HttpResponse.of(200).withHeaders(Map.of(name, List.of(actual)));

    List<Mismatch> mismatches = Matching.matchResponse(e, a);

    assertThat(mismatches.isEmpty()).as("mismatches: %s", described(mismatches)).isEqualTo(matches);
    if (!matches) {
      assertThat(described(mismatches))
          .containsExactly(
              name
                  + " -> Expected header '"
                  + name
                  + "' to have value '"
                  + expected
                  + "' but was '"
                  + actual
                  + "'");
    }
  }
}
