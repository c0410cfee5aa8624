package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.validate.ApiResponse;
import dev.accord.contract.validate.ResponseValidator;
import dev.accord.contract.validate.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The response against the document through {@link ResponseValidator}: status documented, headers,
 * body schema.
 */
final class DocumentJudge implements Judge {

  private final ResponseValidator validator;

  private DocumentJudge(OpenApiDocument document) {
    this.validator = new ResponseValidator(document);
  }

  static Judge of(OpenApiDocument document) {
    return new DocumentJudge(document);
  }

  @Override
  public List<String> problems(ApiOperation operation, ExploredResponse response) {
    ApiResponse actual =
        new ApiResponse(
            response.status(),
            response.headers(),
            response.body().getBytes(StandardCharsets.UTF_8));
    return validator.validate(operation, actual).stream().map(DocumentJudge::describe).toList();
  }

  static String describe(Violation violation) {
    return violation.code()
        + " at "
        + violation.path()
        + " (#"
        + violation.pointer()
        + "): "
        + violation.message();
  }
}
