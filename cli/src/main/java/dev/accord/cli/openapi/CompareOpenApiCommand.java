package dev.accord.cli.openapi;

import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.repeatableBuilder;
import static dev.accord.cli.internal.Options.value;

import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code accord compare-openapi --spec openapi.yaml --pact orders-products.json}: whether every
 * HTTP interaction of the pacts fits the provider's OpenAPI document (bi-directional contract
 * testing, offline). Exit 0 compatible, 1 incompatible (each incompatibility printed), 2 usage
 * error or unreadable input.
 */
public final class CompareOpenApiCommand implements Callable<Integer> {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    CompareOpenApiCommand command = new CompareOpenApiCommand();
    CommandSpec spec =
        Options.command(
            command,
            "compare-openapi",
            "Compare pacts with the provider's OpenAPI document (3.0 or 3.1, YAML or JSON).",
            "Exit 0 when every HTTP interaction fits, 1 when one does not (each incompatibility"
                + " printed).");
    command.spec = spec;
    spec.addOption(
        value(Path.class, "FILE", "The provider's OpenAPI document.", "--spec")
            .required(true)
            .build());
    spec.addOption(
        repeatableBuilder(Path.class, "FILE", "A pact file (repeatable).", "--pact")
            .required(true)
            .build());
    Options.standardHelp(spec);
    return spec;
  }

  private CommandSpec spec;

  private CompareOpenApiCommand() {}

  @Override
  public Integer call() {
    Path specFile = get(spec, "--spec");
    List<Path> pactFiles = list(spec, "--pact");
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
