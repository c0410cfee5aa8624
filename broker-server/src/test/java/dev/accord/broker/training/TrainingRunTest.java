package dev.accord.broker.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The training run writes (a pact, a result, a deployment, a provider contract), so it refuses
 * every database but an in-memory H2 one; PackagedJarIT runs it for real.
 */
class TrainingRunTest {
  @Test
  void runsOnlyOnAnInMemoryH2Database() {
    assertThat(TrainingRun.refusal("jdbc:h2:mem:training")).isNull();
    assertThat(TrainingRun.refusal("jdbc:h2:file:./accord-data/broker;DB_CLOSE_ON_EXIT=FALSE"))
        .isEqualTo(
            "Training run refused: it publishes pacts and results, so it runs only on an in-memory H2"
                + " database, and spring.datasource.url is"
                + " 'jdbc:h2:file:./accord-data/broker;DB_CLOSE_ON_EXIT=FALSE'. Add"
                + " --spring.datasource.url=jdbc:h2:mem:training to the training command.");
    assertThat(TrainingRun.refusal("jdbc:postgresql://db:5432/broker"))
        .startsWith("Training run refused: ")
        .contains("'jdbc:postgresql://db:5432/broker'");
  }
}
