package dev.accord.contract.exploration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.generate.ApiOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class ShrinkerTest {

  private static PlannedStep step(String name, int source) {
    ApiOperation operation =
        new ApiOperation(
            "GET",
            "/" + name,
            name,
            JsonNodeFactory.instance.objectNode(),
            "/paths/~1" + name + "/get",
            List.of(),
            List.of("200"));
    Transition via =
        source < 0
            ? null
            : new Transition(Transition.Kind.LINK, "L", "x", "200", name, Map.of(), null);
    return new PlannedStep(operation, via, source, Map.of(), null);
  }

  private static List<String> names(List<PlannedStep> steps) {
    return steps.stream()
        .map(s -> s.operation().operationId() + (s.source() < 0 ? "" : "<" + s.source()))
        .toList();
  }

  /**
   * A fake run: it fails at "delete-then-get" when a "get" follows a "delete" that follows a
   * "create" (through its sources); every other sequence passes. Records what was replayed.
   */
  private static final class FakeReplayer implements Shrinker.Replayer {
    final List<List<String>> replayed = new ArrayList<>();

    @Override
    public Shrinker.Failing replay(List<PlannedStep> steps) {
      replayed.add(names(steps));
      return run(steps);
    }

    static Shrinker.Failing run(List<PlannedStep> steps) {
      for (int i = 0; i < steps.size(); i++) {
        PlannedStep get = steps.get(i);
        if (get.operation().operationId().equals("get") && get.source() >= 0) {
          PlannedStep delete = steps.get(get.source());
          if (delete.operation().operationId().equals("delete")
              && delete.source() >= 0
              && steps.get(delete.source()).operation().operationId().equals("create")) {
            return new Shrinker.Failing(
                steps.subList(0, i + 1),
                placeholders(i + 1),
                new Finding(Check.DELETED_IS_GONE, i, "get", "still there"));
          }
        }
      }
      return new Shrinker.Failing(steps, placeholders(steps.size()), null);
    }
  }

  /** The exchanges are not read by the shrinker: one placeholder per step. */
  private static List<Exchange> placeholders(int count) {
    List<Exchange> exchanges = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      exchanges.add(new Exchange(null, null, "", Map.of(), Map.of(), null, null, null, "not run"));
    }
    return exchanges;
  }

  private static Shrinker.Failing failing(List<PlannedStep> steps) {
    return FakeReplayer.run(steps);
  }

  @Test
  void aFailingSequenceShrinksToTheStepsItsFailureNeedsWithTheirDependencies() {
    // GIVEN list, create(A), list, create(B), update(B), delete(A), list, get(A) after delete(A) —
    // fails at the last
    List<PlannedStep> steps =
        List.of(
            step("list", -1),
            step("create", -1),
            step("list", -1),
            step("create", -1),
            step("update", 3),
            step("delete", 1),
            step("list", -1),
            step("get", 5));
    FakeReplayer replayer = new FakeReplayer();

    // WHEN it is shrunk
    Shrinker.Result result = new Shrinker(replayer, () -> false).shrink(failing(steps));

    // THEN create → delete → get remains, the sources renumbered; each candidate was a re-run with
    // valid sources
    assertThat(names(result.shortest().steps())).containsExactly("create", "delete<0", "get<1");
    assertThat(result.complete()).isTrue();
    assertThat(result.runs()).isEqualTo(replayer.replayed.size());
    for (List<String> candidate : replayer.replayed) {
      assertThat(candidate.get(candidate.size() - 1)).startsWith("get<");
    }
  }

  @Test
  void droppingAStepDropsTheStepsThatTakeAValueFromIt() {
    List<PlannedStep> steps =
        List.of(step("create", -1), step("list", -1), step("delete", 0), step("get", 2));

    assertThat(names(Shrinker.without(steps, List.of(1))))
        .containsExactly("create", "delete<0", "get<1");
    // dropping create takes delete and get with it: the failing step would go, so there is no
    // candidate
    assertThat(Shrinker.without(steps, List.of(0))).isNull();
  }

  @Test
  void aSequenceNothingCanBeDroppedFromStaysAsItIs() {
    List<PlannedStep> steps = List.of(step("create", -1), step("delete", 0), step("get", 1));
    FakeReplayer replayer = new FakeReplayer();

    Shrinker.Result result = new Shrinker(replayer, () -> false).shrink(failing(steps));

    assertThat(names(result.shortest().steps())).containsExactly("create", "delete<0", "get<1");
    assertThat(replayer.replayed).isEmpty();
  }

  @Test
  void shrinkingStopsWhenTheTimeIsUpKeepingTheShortestSoFar() {
    List<PlannedStep> steps =
        List.of(step("list", -1), step("create", -1), step("delete", 1), step("get", 2));

    Shrinker.Result result = new Shrinker(new FakeReplayer(), () -> true).shrink(failing(steps));

    assertThat(result.complete()).isFalse();
    assertThat(result.runs()).isZero();
    assertThat(result.shortest().steps()).hasSize(4);
  }

  @Test
  void chunksAreContiguousAndEven() {
    assertThat(Shrinker.chunks(7, 2)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5, 6));
    assertThat(Shrinker.chunks(3, 3)).containsExactly(List.of(0), List.of(1), List.of(2));
  }
}
