package dev.accord.verifier.internal;

import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which interactions a run verifies: include and exclude filters by consumer, description, provider
 * state and interaction key. An interaction is selected when, for each field that has include
 * filters, one of them matches, and no exclude filter matches. A run whose filters select nothing
 * is an error (unless empty runs are allowed), and the error names each filter with what it
 * matched.
 */
public final class Selection {

  /** What a filter looks at. */
  public enum Field {
    CONSUMER(
        "consumer", "filterConsumer", "--filter-consumer", "excludeConsumer", "--exclude-consumer"),
    DESCRIPTION(
        "description",
        "filterDescription",
        "--filter-description",
        "excludeDescription",
        "--exclude-description"),
    STATE("provider state", "filterState", "--filter-state", "excludeState", "--exclude-state"),
    KEY("interaction key", "filterKey", "--filter-key", "excludeKey", "--exclude-key");

    private final String words;
    private final String includeMethod;
    private final String includeOption;
    private final String excludeMethod;
    private final String excludeOption;

    Field(
        String words,
        String includeMethod,
        String includeOption,
        String excludeMethod,
        String excludeOption) {
      this.words = words;
      this.includeMethod = includeMethod;
      this.includeOption = includeOption;
      this.excludeMethod = excludeMethod;
      this.excludeOption = excludeOption;
    }
  }

  /** One include or exclude filter, as the user gave it. */
  public record Filter(Field field, boolean exclude, String pattern, Predicate<String> test) {
    /** How the builder and the CLI spell it: {@code filterConsumer / --filter-consumer 'web-*'}. */
    public String label() {
      return (exclude
              ? field.excludeMethod + " / " + field.excludeOption
              : field.includeMethod + " / " + field.includeOption)
          + " '"
          + pattern
          + "'";
    }

    boolean matches(String consumer, Interaction i) {
      return switch (field) {
        case CONSUMER -> test.test(consumer);
        case DESCRIPTION -> test.test(i.description());
        case STATE ->
            pattern.isEmpty()
                ? i.providerStates().isEmpty()
                : i.providerStates().stream().map(ProviderState::name).anyMatch(test);
        case KEY -> i.key().map(test::test).orElse(false);
      };
    }
  }

  private final List<Filter> filters = new ArrayList<>();

  /**
   * Interactions that failed in the previous report, as "consumer\u0000description\u0000states" or
   * keys.
   */
  private Set<String> lastFailed;

  private String lastFailedSource;

  /**
   * Each filter in force as the builder and the CLI spell it, and --last-failed when set (for
   * reports).
   */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(filters.stream().map(Filter::label).toList());
    if (lastFailedSource != null) {
      labels.add("lastFailed / --last-failed (" + lastFailedSource + ")");
    }
    return labels;
  }

  /**
   * Adds a filter. Consumers and keys match when the pattern equals the name, matches it as a glob
   * ({@code *} any characters, {@code ?} one) or matches the whole name as a regular expression;
   * descriptions and states match a regular expression found anywhere in them, and the state
   * pattern {@code ""} means "no provider state".
   *
   * @throws IllegalArgumentException for a description or state pattern that is not a regular
   *     expression
   */
  public Selection add(Field field, boolean exclude, String pattern) {
    java.util.Objects.requireNonNull(pattern, "pattern");
    Predicate<String> test =
        switch (field) {
          case CONSUMER, KEY -> nameMatcher(pattern);
          case DESCRIPTION, STATE -> {
            Pattern p = compile(field, exclude, pattern);
            yield s -> p.matcher(s).find();
          }
        };
    filters.add(new Filter(field, exclude, pattern, test));
    return this;
  }

  /** Keeps only the interactions a previous report lists as failed. */
  public Selection lastFailed(Set<String> failedIds, String source) {
    this.lastFailed = Set.copyOf(failedIds);
    this.lastFailedSource = source;
    return this;
  }

  public List<Filter> filters() {
    return List.copyOf(filters);
  }

  public boolean isEmpty() {
    return filters.isEmpty() && lastFailed == null;
  }

  private static Pattern compile(Field field, boolean exclude, String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          (exclude ? field.excludeOption : field.includeOption)
              + " '"
              + pattern
              + "' is not a regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex(),
          e);
    }
  }

  /** Equal, a glob, or a whole-name regular expression. */
  static Predicate<String> nameMatcher(String pattern) {
    Pattern glob = Pattern.compile(globToRegex(pattern));
    Pattern regex;
    try {
      regex = Pattern.compile(pattern);
    } catch (PatternSyntaxException notARegex) {
      regex = null;
    }
    Pattern asRegex = regex;
    return name ->
        name.equals(pattern)
            || glob.matcher(name).matches()
            || (asRegex != null && asRegex.matcher(name).matches());
  }

  private static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  /** The identity a report gives an interaction, for {@code --last-failed}. */
  public static String id(String consumer, String description, List<ProviderState> states) {
    return consumer
        + "\u0000"
        + description
        + "\u0000"
        + String.join("\u0001", states.stream().map(ProviderState::name).toList());
  }

  /** Whether the interaction of this consumer is selected. */
  public boolean selects(String consumer, Interaction i) {
    if (lastFailed != null
        && !lastFailed.contains(id(consumer, i.description(), i.providerStates()))) {
      return false;
    }
    for (Field field : Field.values()) {
      boolean hasInclude = false;
      boolean included = false;
      for (Filter f : filters) {
        if (f.field() != field) {
          continue;
        }
        boolean m = f.matches(consumer, i);
        if (f.exclude() && m) {
          return false;
        }
        if (!f.exclude()) {
          hasInclude = true;
          included |= m;
        }
      }
      if (hasInclude && !included) {
        return false;
      }
    }
    return true;
  }

  /** An interaction of a consumer, as seen before selection. */
  public record Candidate(String consumer, Interaction interaction) {}

  /**
   * Why nothing was selected: each filter with what it matched among the candidates, and how to fix
   * it.
   *
   * @param provider the provider being verified
   * @param candidates every interaction of the provider's pacts before filtering
   */
  public String nothingSelected(String provider, List<Candidate> candidates) {
    Set<String> consumers = new LinkedHashSet<>();
    candidates.forEach(c -> consumers.add(c.consumer()));
    StringBuilder sb =
        new StringBuilder("No interaction of provider '")
            .append(provider)
            .append("' was selected: the filters leave nothing to verify (")
            .append(candidates.size())
            .append(candidates.size() == 1 ? " interaction" : " interactions")
            .append(" in the pacts, from ")
            .append(consumers.isEmpty() ? "no consumer" : String.join(", ", consumers))
            .append(").");
    for (Filter f : filters) {
      sb.append("\n  ").append(f.label()).append(": ").append(matched(f, candidates));
    }
    if (lastFailed != null) {
      long n =
          candidates.stream()
              .filter(
                  c ->
                      lastFailed.contains(
                          id(
                              c.consumer(),
                              c.interaction().description(),
                              c.interaction().providerStates())))
              .count();
      sb.append("\n  lastFailed / --last-failed (")
          .append(lastFailedSource)
          .append("): ")
          .append(lastFailed.size())
          .append(" failed in that report, ")
          .append(n)
          .append(" of them in these pacts");
    }
    sb.append(
        "\nFix the filters, or accept an empty run with allowEmpty() / --allow-empty"
            + " / @AccordProviderTest(allowEmpty = true).");
    return sb.toString();
  }

  private static String matched(Filter f, List<Candidate> candidates) {
    long n = candidates.stream().filter(c -> f.matches(c.consumer(), c.interaction())).count();
    String what =
        "matches "
            + n
            + " of "
            + candidates.size()
            + (candidates.size() == 1 ? " interaction" : " interactions");
    if (f.field() == Field.CONSUMER) {
      Set<String> names = new LinkedHashSet<>();
      candidates.stream()
          .filter(c -> f.matches(c.consumer(), c.interaction()))
          .forEach(c -> names.add(c.consumer()));
      what += names.isEmpty() ? " (no consumer)" : " (consumers " + String.join(", ", names) + ")";
    }
    return what + (f.exclude() && n > 0 ? ", excluded" : "");
  }
}
