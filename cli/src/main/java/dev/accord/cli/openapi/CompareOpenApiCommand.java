package dev.accord.cli.openapi;

import dev.accord.cli.AccordCommand;
import dev.accord.contract.comparison.ComparisonResult;
import dev.accord.contract.comparison.PactComparison;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.openapi.OpenApiDocumentException;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code accord compare-openapi --spec openapi.yaml --pact orders-products.json}: whether every
 * HTTP interaction of the pacts fits the provider's OpenAPI document (bi-directional contract
 * testing, offline). Exit 0 compatible, 1 incompatible (each incompatibility printed), 2 usage
 * error or unreadable input.
 */
@Command(
    name = "compare-openapi",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare pacts with the provider's OpenAPI document (3.0 or 3.1, YAML or JSON).",
      "Exit 0 when every HTTP interaction fits, 1 when one does not (each incompatibility printed)."
    })
public final class CompareOpenApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      required = true,
      description = "The provider's OpenAPI document.")
  Path specFile;

  @Option(
      names = "--pact",
      paramLabel = "FILE",
      required = true,
      description = "A pact file (repeatable).")
  List<Path> pactFiles = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(specFile)) {
      throw new ParameterException(spec.commandLine(), "--spec " + specFile + ": no such file");
    }
    OpenApiDocument document;
    try {
      document = OpenApiDocument.read(specFile);
    } catch (OpenApiDocumentException e) {
      throw new ParameterException(spec.commandLine(), "--spec " + e.getMessage());
    }
    List<Pact> pacts = new ArrayList<>();
    for (Path file : pactFiles) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "--pact " + file + ": no such file");
      }
      try {
        pacts.add(PactReader.read(file));
      } catch (PactFormatException e) {
        throw new ParameterException(spec.commandLine(), "--pact " + e.getMessage());
      }
    }
    boolean compatible = true;
    for (Pact pact : pacts) {
      ComparisonResult result = PactComparison.compare(document, pact);
      out.print(result.report());
      compatible &= result.isCompatible();
    }
    out.flush();
    return compatible ? AccordCommand.OK : AccordCommand.FAILURE;
  }
}
