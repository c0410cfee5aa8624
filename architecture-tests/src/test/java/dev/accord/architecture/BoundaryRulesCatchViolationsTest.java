package dev.accord.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link BoundaryRules} fails on a deliberate violation: the classes under {@code
 * violations} play pact-core, consumer-dsl and broker-server, and break every rule once. The
 * messages are pinned, so a rule that stops seeing its violation (or words it differently) fails
 * here.
 */
class BoundaryRulesCatchViolationsTest {
  private static final String FIXTURES = "dev.accord.architecture.violations.";
  static BoundaryRules.Modules modules;

  @BeforeAll
  static void importFixtures() {
    Map<String, JavaClasses> classes = new LinkedHashMap<>();
    classes.put("pact-core", new ClassFileImporter().importPackages(FIXTURES + "pactcore"));
    classes.put("consumer-dsl", new ClassFileImporter().importPackages(FIXTURES + "consumerdsl"));
    classes.put("broker-server", new ClassFileImporter().importPackages(FIXTURES + "brokerserver"));
    modules = BoundaryRules.Modules.of(classes);
  }

  @Test
  void anArrowPointingUpIsReported() {
    assertThat(BoundaryRules.arrows(modules, ModuleBoundariesTest.ALLOWED))
        .containsExactly(
            "pact-core: "
                + FIXTURES
                + "pactcore.UsesTheConsumerDsl uses "
                + FIXTURES
                + "consumerdsl.DslEntry (pact-core may use only [])");
  }

  @Test
  void anInternalPackageUsedAcrossModulesIsReported() {
    Set<String> offenders = new TreeSet<>();
    assertThat(BoundaryRules.internalPackages(modules, Set.of(), offenders))
        .containsExactly(
            "consumer-dsl: "
                + FIXTURES
                + "consumerdsl.DslEntry uses "
                + FIXTURES
                + "pactcore.internal.Hidden (another module's .internal package: use its public API)");
    assertThat(BoundaryRules.internalPackages(modules, offenders, new TreeSet<>()))
        .as("listed as not yet on public API")
        .isEmpty();
  }

  @Test
  void aFrameworkInPactCoreIsReported() {
    assertThat(BoundaryRules.pactCoreFreeOfFrameworks(modules))
        .containsExactly(
            "pact-core: "
                + FIXTURES
                + "pactcore.UsesJUnit uses org.junit.jupiter.api.Assertions (pact-core depends on Jackson only)");
  }

  @Test
  void springInATestLibraryIsReported() {
    assertThat(BoundaryRules.testLibrariesFreeOfSpring(modules))
        .containsExactly(
            "consumer-dsl: "
                + FIXTURES
                + "consumerdsl.UsesSpring uses org.springframework.util.StringUtils (a user's test classpath gets no Spring from Accord)");
  }

  @Test
  void aControllerUsingARepositoryIsReported() {
    Set<String> offenders = new TreeSet<>();
    assertThat(BoundaryRules.controllersWithoutDataAccess(modules, Set.of(), offenders))
        .containsExactly(
            "broker-server: "
                + FIXTURES
                + "brokerserver.OrderController uses "
                + FIXTURES
                + "brokerserver.OrderRepository (a controller calls one service; "
                + "repositories and SQL belong to services and *Rows classes)");
    assertThat(offenders).containsExactly(FIXTURES + "brokerserver.OrderController");
  }

  @Test
  void aTransactionalControllerIsReported() {
    assertThat(BoundaryRules.controllersWithoutTransactions(modules))
        .containsExactly(
            "broker-server: "
                + FIXTURES
                + "brokerserver.OrderController.count is @Transactional (a transaction belongs to the service a controller"
                + " calls, never to a controller or a view)",
            "broker-server: "
                + FIXTURES
                + "brokerserver.OrderViews.render is @Transactional (a transaction belongs to the service a controller"
                + " calls, never to a controller or a view)");
  }
}
