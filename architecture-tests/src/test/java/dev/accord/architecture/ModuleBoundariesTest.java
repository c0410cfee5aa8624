package dev.accord.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/design.md, enforced on the compiled classes of every module: which module may use which,
 * that no module reaches into another's {@code .internal} packages, that pact-core stays free of frameworks and that
 * the user-facing test libraries stay free of Spring, and that broker controllers leave data access to services.
 * Each failure names the class, the class it uses, and the rule.
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
    ALLOWED.put("openapi-verifier", Set.of("pact-core", "broker-client", "provider-verifier", "provider-contract"));
    ALLOWED.put("broker-server", Set.of("pact-core", "provider-contract"));
    ALLOWED.put("cli", Set.of("pact-core", "consumer-dsl", "provider-verifier", "broker-client", "provider-contract",
        "openapi-verifier"));
  }

  /**
   * Controllers that still use a repository or SQL directly (issue #18, "a boring broker web layer"). The list may
   * only shrink: a new entry fails {@link #brokerControllersLeaveDataAccessToServices()}, and an entry that no longer
   * applies fails too, so that it is deleted here.
   */
  static final Set<String> CONTROLLERS_NOT_YET_ON_SERVICES = Set.of();

  /**
   * Classes that still reach into another module's {@code .internal} package (issue #18, "public seams between
   * modules"). Shrink-only, like {@link #CONTROLLERS_NOT_YET_ON_SERVICES}.
   */
  static final Set<String> NOT_YET_ON_PUBLIC_API = Set.of();

  static final Map<String, JavaClasses> MODULES = new LinkedHashMap<>();
  static final Map<String, String> MODULE_OF_CLASS = new HashMap<>();

  @BeforeAll
  static void importModules() {
    for (String module : ALLOWED.keySet()) {
      Path classes = ROOT.resolve(module).resolve("target/classes");
      assertThat(classes).as("%s: compile it first (the reactor does: mvn verify)", classes).isDirectory();
      JavaClasses imported = new ClassFileImporter().importPath(classes);
      MODULES.put(module, imported);
      imported.forEach(c -> MODULE_OF_CLASS.put(c.getName(), module));
    }
  }

  private static List<String> violations(String module, Predicate<Dependency> forbidden, String rule) {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : MODULES.get(module)) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        if (forbidden.test(d)) {
          found.add(module + ": " + d.getOriginClass().getName() + " uses " + d.getTargetClass().getName() + " ("
              + rule + ")");
        }
      }
    }
    return List.copyOf(found);
  }

  private static String ownerOf(Dependency d) {
    return MODULE_OF_CLASS.get(d.getTargetClass().getName());
  }

  @Test
  void everyModuleUsesOnlyTheModulesBelowIt() {
    List<String> found = ALLOWED.entrySet().stream()
        .flatMap(e -> violations(e.getKey(), d -> {
          String owner = ownerOf(d);
          return owner != null && !owner.equals(e.getKey()) && !e.getValue().contains(owner);
        }, e.getKey() + " may use only " + e.getValue()).stream())
        .toList();

    assertThat(found).as("module arrows (docs/design.md)").isEmpty();
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    Set<String> offenders = new TreeSet<>();
    List<String> found = ALLOWED.keySet().stream()
        .flatMap(module -> violations(module, d -> {
          String owner = ownerOf(d);
          boolean internal = owner != null && !owner.equals(module)
              && d.getTargetClass().getPackageName().contains(".internal");
          String origin = topLevel(d.getOriginClass()).getName();
          if (internal) {
            offenders.add(origin);
          }
          return internal && !NOT_YET_ON_PUBLIC_API.contains(origin);
        }, "another module's .internal package: use its public API").stream())
        .toList();

    assertThat(found).as(".internal packages are their module's own").isEmpty();
    assertThat(NOT_YET_ON_PUBLIC_API).as("classes now on public API: delete them from the list")
        .allMatch(offenders::contains);
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.isNestedClass() && top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  @Test
  void pactCoreIsFreeOfSpringWireMockJettyAndJUnit() {
    List<String> found = violations("pact-core", d -> startsWithAny(d.getTargetClass().getName(),
        "org.springframework.", "org.wiremock.", "com.github.tomakehurst.", "wiremock.", "org.eclipse.jetty.",
        "org.junit."), "pact-core depends on Jackson only");

    assertThat(found).isEmpty();
  }

  @Test
  void theTestLibrariesUsersAddBringNoSpring() {
    List<String> found = List.of("consumer-dsl", "provider-verifier", "broker-client").stream()
        .flatMap(module -> violations(module, d -> startsWithAny(d.getTargetClass().getName(), "org.springframework."),
            "a user's test classpath gets no Spring from Accord").stream())
        .toList();

    assertThat(found).isEmpty();
  }

  @Test
  void brokerControllersLeaveDataAccessToServices() {
    Predicate<JavaClass> controller = c -> c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        || c.isAnnotatedWith("org.springframework.stereotype.Controller");
    Set<String> offenders = new TreeSet<>();
    List<String> found = violations("broker-server", d -> {
      JavaClass top = topLevel(d.getOriginClass());
      if (!controller.test(top)) {
        return false;
      }
      String target = d.getTargetClass().getName();
      boolean dataAccess = ("broker-server".equals(ownerOf(d)) && target.endsWith("Repository"))
          || startsWithAny(target, "org.springframework.jdbc.", "jakarta.persistence.EntityManager");
      if (dataAccess) {
        offenders.add(top.getName());
      }
      return dataAccess && !CONTROLLERS_NOT_YET_ON_SERVICES.contains(top.getName());
    }, "a controller calls one service; repositories and SQL belong to services and *Rows classes");

    assertThat(found).isEmpty();
    assertThat(CONTROLLERS_NOT_YET_ON_SERVICES).as("controllers now clean: delete them from the list")
        .allMatch(offenders::contains);
  }

  @Test
  void brokerControllersLeaveTransactionsToServices() {
    String transactional = "org.springframework.transaction.annotation.Transactional";
    List<String> found = MODULES.get("broker-server").stream()
        .filter(c -> c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            || c.isAnnotatedWith("org.springframework.stereotype.Controller"))
        .flatMap(c -> c.isAnnotatedWith(transactional) ? Stream.of(c.getName())
            : c.getMethods().stream().filter(m -> m.isAnnotatedWith(transactional)).map(m -> c.getName() + "." + m.getName()))
        .map(where -> "broker-server: " + where + " is @Transactional (a transaction belongs to the service the controller calls)")
        .sorted().toList();

    assertThat(found).isEmpty();
  }

  @Test
  void everyModuleWasRead() {
    MODULES.forEach((module, classes) -> assertThat(classes.size()).as(module).isGreaterThan(5));
    assertThat(Files.isDirectory(ROOT.resolve("pact-core/src/main/java/dev/accord/pact"))).isTrue();
  }

  private static boolean startsWithAny(String name, String... prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
