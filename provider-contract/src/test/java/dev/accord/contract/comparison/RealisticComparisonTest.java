package dev.accord.contract.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import org.junit.jupiter.api.Test;

class RealisticComparisonTest {

  @Test
  void aV4PactAgainstAComponentHeavyDocumentReportsEachIncompatibilityOnce() {
    // GIVEN a catalogue document ($refs to parameters, responses and schemas, allOf, bearer
    // security, two servers)
    // and the orders service's V4 pact: six HTTP interactions with matchers, and one message
    OpenApiDocument document =
        OpenApiDocument.parse(
            ComparisonCasesTest.resource("/comparison/catalogue.yaml"), "catalogue.yaml");
    Pact pact =
        PactReader.read(
            ComparisonCasesTest.resource("/comparison/orders-catalogue-v4.json"),
            "orders-catalogue-v4.json");

    // WHEN they are compared
    ComparisonResult result = PactComparison.compare(document, pact);

    // THEN three interactions are incompatible, each finding naming both places (in a V4 file a
    // body's JSON
    // is under body.content), the refused call without
    // credentials is not one of them (it expects the 401), and the message is skipped
    assertThat(result.isCompatible()).isFalse();
    assertThat(result.report())
        .isEqualTo(
            """
        The pact between orders-service and catalogue is NOT compatible with catalogue.yaml: \
        3 of 6 interactions incompatible, 3 errors, 0 warnings
        [error] response.body.incompatible in 'a product with its discount'
          pact:     $.interactions[1].response.body.content.discount
          document: #/components/schemas/Product
          Response body is incompatible with the document's schema at $.discount: property "discount" is not in the \
        document: the consumer expects it, the provider never promised it; add it to the schema's properties (or allow \
        it with additionalProperties) or remove it from the pact
        [error] request.body.incompatible in 'a new product'
          pact:     $.interactions[3].request.body.content.price.currency
          document: #/components/schemas/Money/properties/currency/pattern
          Request body is incompatible with the document's schema at $.price.currency: string "eur" fails the \
        schema's pattern: does not match the regex pattern ^[A-Z]{3}$
        [error] request.body.incompatible in 'stock counted'
          pact:     $.interactions[4].request.body.content.warehouse
          document: #/paths/~1products~1{productId}~1stock/put/requestBody/content/application~1json/schema/additionalProperties
          Request body is incompatible with the document's schema at $.warehouse: property "warehouse" is not \
        allowed: the schema says additionalProperties: false; remove it from the pact or document it
        notice: skipped 'a product price changed' ($.interactions[6], Asynchronous/Messages): OpenAPI describes \
        HTTP, so message interactions are not compared
        """);
    assertThat(result.interactionsCompared()).isEqualTo(6);
  }
}
