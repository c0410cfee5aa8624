package dev.accord.cli.stub;

import dev.accord.consumer.stub.PactStubServer;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code accord stub}: serves pacts as a stub provider until stopped. The port opens once every
 * interaction is loaded. A request that matches no interaction gets 404 with a JSON body explaining
 * the closest interaction and its mismatches, and the same explanation in words on stderr (stdout
 * carries only the "Serving ..." line).
 */
@Command(
    name = "stub",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve the HTTP interactions of pact files as a stub provider (Pact request matching).",
      "The port opens once every interaction is loaded.",
      "Unmatched requests get 404 with the closest interaction and its mismatches as JSON,",
      "and the same explanation is printed on stderr."
    })
public final class StubCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--pact-file",
      paramLabel = "FILE",
      required = true,
      description = "A pact file (repeatable).")
  List<Path> pactFiles = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Interface to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed for generated response values.")
  long seed;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile PactStubServer server;

  @Override
  public Integer call() throws Exception {
    server = start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  PactStubServer start() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port " + port + " is not a port (0-65535)");
    }
    List<Pact> pacts = new ArrayList<>();
    for (Path f : pactFiles) {
      if (!Files.isRegularFile(f)) {
        throw new ParameterException(spec.commandLine(), "--pact-file " + f + ": no such file");
      }
      try {
        pacts.add(PactReader.read(f));
      } catch (PactFormatException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    PactStubServer s;
    try {
      java.io.PrintWriter err = spec.commandLine().getErr();
      s =
          PactStubServer.start(
              pacts,
              host,
              port,
              seed,
              report -> {
                err.print(report);
                err.flush();
              });
    } catch (IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .println(
            "Serving "
                + s.interactionCount()
                + " interactions from "
                + pactFiles.size()
                + (pactFiles.size() == 1 ? " pact" : " pacts")
                + " at "
                + s.baseUrl()
                + " (Ctrl-C to stop)");
    spec.commandLine().getOut().flush();
    return s;
  }
}
