package dev.accord.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/design.md, enforced on the compiled classes of every module: which module
 * may use which, that no module reaches into another's {@code .internal} packages, that pact-core
 * stays free of frameworks and that the user-facing test libraries stay free of Spring, and that
 * broker controllers leave data access to services. Each failure names the class, the class it
 * uses, and the rule ({@link BoundaryRules}; {@link BoundaryRulesCatchViolationsTest} shows each
 * rule failing on classes that break it).
 */
class ModuleBoundariesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Each module and the modules it may use (the arrows point down). */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("pact-core", Set.of());
    ALLOWED.put("consumer-dsl", Set.of("pact-core"));
    ALLOWED.put("broker-client", Set.of("pact-core"));
    ALLOWED.put("provider-verifier", Set.of("pact-core", "broker-client"));
    ALLOWED.put("provider-contract", Set.of("pact-core"));
    ALLOWED.put(
        "openapi-verifier",
        Set.of("pact-core", "broker-client", "provider-verifier", "provider-contract"));
    ALLOWED.put("broker-server", Set.of("pact-core", "provider-contract"));
    ALLOWED.put(
        "cli",
        Set.of(
            "pact-core",
            "consumer-dsl",
            "provider-verifier",
            "broker-client",
            "provider-contract",
            "openapi-verifier"));
  }

  /**
   * Controllers that still use a repository or SQL directly (issue #18, "a boring broker web
   * layer"). The list may only shrink: a new entry fails {@link
   * #brokerControllersLeaveDataAccessToServices()}, and an entry that no longer applies fails too,
   * so that it is deleted here.
   */
  static final Set<String> CONTROLLERS_NOT_YET_ON_SERVICES = Set.of();

  /**
   * Classes that still reach into another module's {@code .internal} package (issue #18, "public
   * seams between modules"). Shrink-only, like {@link #CONTROLLERS_NOT_YET_ON_SERVICES}.
   */
  static final Set<String> NOT_YET_ON_PUBLIC_API = Set.of();

  static BoundaryRules.Modules modules;

  @BeforeAll
  static void importModules() {
    Map<String, JavaClasses> classes = new LinkedHashMap<>();
    for (String module : ALLOWED.keySet()) {
      Path compiled = ROOT.resolve(module).resolve("target/classes");
      assertThat(compiled)
          .as("%s: compile it first (the reactor does: mvn verify)", compiled)
          .isDirectory();
      classes.put(module, new ClassFileImporter().importPath(compiled));
    }
    modules = BoundaryRules.Modules.of(classes);
  }

  @Test
  void everyModuleUsesOnlyTheModulesBelowIt() {
    assertThat(BoundaryRules.arrows(modules, ALLOWED))
        .as("module arrows (docs/design.md)")
        .isEmpty();
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    Set<String> offenders = new TreeSet<>();
    assertThat(BoundaryRules.internalPackages(modules, NOT_YET_ON_PUBLIC_API, offenders))
        .as(".internal packages are their module's own")
        .isEmpty();
    assertThat(NOT_YET_ON_PUBLIC_API)
        .as("classes now on public API: delete them from the list")
        .allMatch(offenders::contains);
  }

  @Test
  void pactCoreIsFreeOfSpringWireMockJettyAndJUnit() {
    assertThat(BoundaryRules.pactCoreFreeOfFrameworks(modules)).isEmpty();
  }

  @Test
  void theTestLibrariesUsersAddBringNoSpring() {
    assertThat(BoundaryRules.testLibrariesFreeOfSpring(modules)).isEmpty();
  }

  @Test
  void brokerControllersLeaveDataAccessToServices() {
    Set<String> offenders = new TreeSet<>();
    assertThat(
            BoundaryRules.controllersWithoutDataAccess(
                modules, CONTROLLERS_NOT_YET_ON_SERVICES, offenders))
        .isEmpty();
    assertThat(CONTROLLERS_NOT_YET_ON_SERVICES)
        .as("controllers now clean: delete them from the list")
        .allMatch(offenders::contains);
  }

  @Test
  void brokerControllersLeaveTransactionsToServices() {
    assertThat(BoundaryRules.controllersWithoutTransactions(modules)).isEmpty();
  }

  @Test
  void everyModuleWasRead() {
    modules
        .classes()
        .forEach((module, classes) -> assertThat(classes.size()).as(module).isGreaterThan(5));
    assertThat(Files.isDirectory(ROOT.resolve("pact-core/src/main/java/dev/accord/pact"))).isTrue();
  }
}
