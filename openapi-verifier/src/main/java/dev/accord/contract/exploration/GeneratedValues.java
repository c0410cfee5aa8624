package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import dev.accord.contract.generate.ValueGenerator;
import dev.accord.contract.openapi.OpenApiDocument;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Values from the document through {@link ValueGenerator}: its examples first, else generated from
 * the schema.
 */
final class GeneratedValues implements Values {

  private final OpenApiDocument document;

  private GeneratedValues(OpenApiDocument document) {
    this.document = document;
  }

  static Values of(OpenApiDocument document) {
    return new GeneratedValues(document);
  }

  @Override
  public JsonNode parameter(ApiOperation operation, ApiParameter parameter, Random random) {
    ValueGenerator values = new ValueGenerator(document, random);
    return values
        .example(parameter.node())
        .orElseGet(
            () ->
                parameter.schema() == null
                    ? null
                    : values.value(parameter.schema(), parameter.schemaPointer()));
  }

  @Override
  public JsonNode body(ApiOperation operation, Operations.Body body, Random random) {
    ValueGenerator values = new ValueGenerator(document, random);
    return values
        .example(body.media())
        .orElseGet(
            () -> body.schema() == null ? null : values.value(body.schema(), body.schemaPointer()));
  }
}
