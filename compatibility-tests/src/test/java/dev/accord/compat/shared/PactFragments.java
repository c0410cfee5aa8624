package dev.accord.compat.shared;

import dev.accord.pact.json.GeneratorsJson;
import dev.accord.pact.json.MatchingRulesJson;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.PactSpecification;

/**
 * Matching rules and generators from a table cell ({@code JSON: ...} or a fixture name), read by
 * pact-core's reader.
 */
public final class PactFragments {
  private PactFragments() {}

  public static MatchingRules matchingRules(String cell, PactSpecification spec) {
    return MatchingRulesJson.read(Cells.json(cell), spec, Cells.source(cell));
  }

  public static Generators generators(String cell) {
    return GeneratorsJson.read(Cells.json(cell), Cells.source(cell));
  }
}
