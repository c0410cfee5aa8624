package dev.accord.contract.comparison;

import dev.accord.contract.comparison.internal.InteractionCheck;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * Pact ⊆ OpenAPI: whether every HTTP interaction of a consumer's pact fits the provider's OpenAPI
 * document, the check behind bi-directional contract testing. The rules and codes follow
 * swagger-mock-validator (the comparison PactFlow runs); docs/openapi.md lists them and where
 * Accord decides differently.
 *
 * <pre>{@code
 * OpenApiDocument document = OpenApiDocument.read(Path.of("openapi.yaml"));
 * Pact pact = PactReader.read(Path.of("target/pacts/orders-products.json"));
 * ComparisonResult result = PactComparison.compare(document, pact);
 * if (!result.isCompatible()) {
 *   System.out.println(result.report());
 * }
 * }</pre>
 */
public final class PactComparison {

  private PactComparison() {}

  /**
   * Compares every HTTP interaction with the document; message interactions are skipped with a
   * notice.
   */
  public static ComparisonResult compare(OpenApiDocument document, Pact pact) {
    InteractionCheck check = new InteractionCheck(document);
    List<Incompatibility> found = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    int compared = 0;
    boolean v4 = pact.specification() == PactSpecification.V4;
    List<Interaction> interactions = pact.interactions();
    for (int i = 0; i < interactions.size(); i++) {
      Interaction interaction = interactions.get(i);
      if (interaction instanceof HttpInteraction http) {
        check.check(http, i, v4, found);
        compared++;
      } else {
        notices.add(
            "skipped '"
                + interaction.description()
                + "' ($.interactions["
                + i
                + "], "
                + interaction.type()
                + "): OpenAPI describes HTTP, so message interactions are not compared");
      }
    }
    return new ComparisonResult(
        pact.consumer().name(),
        pact.provider().name(),
        document.location(),
        compared,
        found,
        notices);
  }
}
