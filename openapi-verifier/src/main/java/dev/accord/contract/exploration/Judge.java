package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import java.util.List;

/** Whether a response conforms to the document: each problem as a sentence, none when it does. */
interface Judge {

  List<String> problems(ApiOperation operation, ExploredResponse response);
}
