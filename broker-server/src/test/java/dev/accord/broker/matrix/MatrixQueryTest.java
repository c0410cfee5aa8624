package dev.accord.broker.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.broker.web.ApiException;
import org.junit.jupiter.api.Test;

class MatrixQueryTest {
  @Test
  void parsesTheRustClientsQueryWithRawBracketsAndStartsANewSelectorWhenAKeyRepeats() {
    MatrixQuery q =
        MatrixQuery.parse(
            "q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][latest]=true"
                + "&ignore[][pacticipant]=Baz&latestby=cvpv&environment=production");
    assertThat(q.selectors()).hasSize(2);
    assertThat(q.selectors().get(0).pacticipant()).isEqualTo("Foo");
    assertThat(q.selectors().get(0).version()).isEqualTo("1");
    assertThat(q.selectors().get(1).latest()).isTrue();
    assertThat(q.ignores()).extracting(MatrixQuery.Selector::pacticipant).containsExactly("Baz");
    assertThat(q.latestBy()).isEqualTo("cvpv");
    assertThat(q.destination().environment()).isEqualTo("production");
    assertThat(q.limit()).isEqualTo(100);
  }

  @Test
  void acceptsPercentEncodedBracketsTheFlatFormAndFormDecodesValues() {
    MatrixQuery q = MatrixQuery.parse("q%5B%5D%5Bpacticipant%5D=My+App&q[]version=1.0%2Bbuild");
    assertThat(q.selectors().get(0).pacticipant()).isEqualTo("My App");
    assertThat(q.selectors().get(0).version()).isEqualTo("1.0+build");
  }

  @Test
  void refusesQueriesThePactBrokerRefusesWithTheSameSentences() {
    assertThatThrownBy(() -> MatrixQuery.parse("latestby=cvp"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Please provide 1 or more version selectors");
    assertThatThrownBy(
            () -> MatrixQuery.parse("q[][pacticipant]=Foo&q[][version]=1&q[][latest]=true"))
        .isInstanceOf(ApiException.class)
        .hasMessage("A version number and latest flag cannot both be specified for Foo");
    assertThatThrownBy(
            () -> MatrixQuery.parse("q[][pacticipant]=Foo&tag=prod&environment=production"))
        .isInstanceOf(ApiException.class)
        .hasMessage("Specify only one of tag, environment and mainBranch");
    assertThatThrownBy(() -> MatrixQuery.parse("q[][pacticipant]=Foo&limit=0"))
        .hasMessage("limit must be 1 or more");
  }
}
