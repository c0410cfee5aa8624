package dev.accord.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rules of docs/design.md's module map, as functions of the classes of each module: each
 * returns one line per violation naming the class, what it uses and the rule, and nothing when the
 * rule holds. {@link ModuleBoundariesTest} runs them on the modules' compiled classes; {@link
 * BoundaryRulesCatchViolationsTest} on fixture classes that break each rule on purpose.
 */
final class BoundaryRules {
  static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
  static final String CONTROLLER = "org.springframework.stereotype.Controller";
  static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

  /** The classes of each module by module name, and which module each class belongs to. */
  record Modules(Map<String, JavaClasses> classes, Map<String, String> moduleOfClass) {
    static Modules of(Map<String, JavaClasses> classes) {
      Map<String, String> owner = new HashMap<>();
      classes.forEach((module, imported) -> imported.forEach(c -> owner.put(c.getName(), module)));
      return new Modules(classes, owner);
    }

    String ownerOf(Dependency d) {
      return moduleOfClass.get(d.getTargetClass().getName());
    }

    List<String> violations(String module, Predicate<Dependency> forbidden, String rule) {
      Set<String> found = new TreeSet<>();
      JavaClasses imported = classes.get(module);
      if (imported == null) {
        return List.of();
      }
      for (JavaClass c : imported) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          if (forbidden.test(d)) {
            found.add(
                module
                    + ": "
                    + d.getOriginClass().getName()
                    + " uses "
                    + d.getTargetClass().getName()
                    + " ("
                    + rule
                    + ")");
          }
        }
      }
      return List.copyOf(found);
    }
  }

  private BoundaryRules() {}

  /** A module uses only the modules its arrows point to. */
  static List<String> arrows(Modules modules, Map<String, Set<String>> allowed) {
    return allowed.entrySet().stream()
        .flatMap(
            e ->
                modules
                    .violations(
                        e.getKey(),
                        d -> {
                          String owner = modules.ownerOf(d);
                          return owner != null
                              && !owner.equals(e.getKey())
                              && !e.getValue().contains(owner);
                        },
                        e.getKey() + " may use only " + e.getValue())
                    .stream())
        .toList();
  }

  /**
   * No module uses another module's {@code .internal} package, except the top-level classes in
   * {@code notYet}; every offender, listed or not, is added to {@code offenders}.
   */
  static List<String> internalPackages(Modules modules, Set<String> notYet, Set<String> offenders) {
    return modules.classes().keySet().stream()
        .flatMap(
            module ->
                modules
                    .violations(
                        module,
                        d -> {
                          String owner = modules.ownerOf(d);
                          boolean internal =
                              owner != null
                                  && !owner.equals(module)
                                  && d.getTargetClass().getPackageName().contains(".internal");
                          String origin = topLevel(d.getOriginClass()).getName();
                          if (internal) {
                            offenders.add(origin);
                          }
                          return internal && !notYet.contains(origin);
                        },
                        "another module's .internal package: use its public API")
                    .stream())
        .toList();
  }

  static List<String> pactCoreFreeOfFrameworks(Modules modules) {
    return modules.violations(
        "pact-core",
        d ->
            startsWithAny(
                d.getTargetClass().getName(),
                "org.springframework.",
                "org.wiremock.",
                "com.github.tomakehurst.",
                "wiremock.",
                "org.eclipse.jetty.",
                "org.junit."),
        "pact-core depends on Jackson only");
  }

  static List<String> testLibrariesFreeOfSpring(Modules modules) {
    return Stream.of("consumer-dsl", "provider-verifier", "broker-client")
        .flatMap(
            module ->
                modules
                    .violations(
                        module,
                        d -> startsWithAny(d.getTargetClass().getName(), "org.springframework."),
                        "a user's test classpath gets no Spring from Accord")
                    .stream())
        .toList();
  }

  /**
   * Broker controllers use no repository, JdbcTemplate or EntityManager, except those in {@code
   * notYet}.
   */
  static List<String> controllersWithoutDataAccess(
      Modules modules, Set<String> notYet, Set<String> offenders) {
    return modules.violations(
        "broker-server",
        d -> {
          JavaClass top = topLevel(d.getOriginClass());
          if (!isController(top)) {
            return false;
          }
          String target = d.getTargetClass().getName();
          boolean dataAccess =
              ("broker-server".equals(modules.ownerOf(d)) && target.endsWith("Repository"))
                  || startsWithAny(
                      target, "org.springframework.jdbc.", "jakarta.persistence.EntityManager");
          if (dataAccess) {
            offenders.add(top.getName());
          }
          return dataAccess && !notYet.contains(top.getName());
        },
        "a controller calls one service; repositories and SQL belong to services and *Rows classes");
  }

  static List<String> controllersWithoutTransactions(Modules modules) {
    JavaClasses broker = modules.classes().get("broker-server");
    return broker == null
        ? List.of()
        : broker.stream()
            .filter(c -> isController(c) || c.getSimpleName().endsWith("Views"))
            .flatMap(
                c ->
                    c.isAnnotatedWith(TRANSACTIONAL)
                        ? Stream.of(c.getName())
                        : c.getMethods().stream()
                            .filter(m -> m.isAnnotatedWith(TRANSACTIONAL))
                            .map(m -> c.getName() + "." + m.getName()))
            .map(
                where ->
                    "broker-server: "
                        + where
                        + " is @Transactional (a transaction belongs to the service a controller calls, never to a controller or a view)")
            .sorted()
            .toList();
  }

  private static boolean isController(JavaClass c) {
    return c.isAnnotatedWith(REST_CONTROLLER) || c.isAnnotatedWith(CONTROLLER);
  }

  static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.isNestedClass() && top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
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
