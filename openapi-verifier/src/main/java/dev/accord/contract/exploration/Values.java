package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Values for what no transition gives: parameters and bodies, from the document's examples or its
 * schemas.
 */
interface Values {

  /** A value for the parameter, or null to leave an optional one out. */
  JsonNode parameter(ApiOperation operation, ApiParameter parameter, Random random);

  /** A body for the operation. */
  JsonNode body(ApiOperation operation, Operations.Body body, Random random);
}
