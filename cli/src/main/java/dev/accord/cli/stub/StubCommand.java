package dev.accord.cli.stub;

import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.repeatableBuilder;
import static dev.accord.cli.internal.Options.value;

import dev.accord.cli.internal.Options;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code accord stub}: serves pacts as a stub provider until stopped. The port opens once every
 * interaction is loaded. A request that matches no interaction gets 404 with a JSON body explaining
 * the closest interaction and its mismatches, and the same explanation in words on stderr (stdout
 * carries only the "Serving ..." line).
 */
public final class StubCommand implements Callable<Integer> {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    StubCommand command = new StubCommand();
    CommandSpec spec =
        Options.command(
            command,
            "stub",
            "Serve the HTTP interactions of pact files as a stub provider (Pact request matching).",
            "The port opens once every interaction is loaded.",
            "Unmatched requests get 404 with the closest interaction and its mismatches as JSON,",
            "and the same explanation is printed on stderr.");
    command.spec = spec;
    spec.addOption(
        repeatableBuilder(Path.class, "FILE", "A pact file (repeatable).", "--pact-file")
            .required(true)
            .build());
    spec.addOption(
        value(
                int.class,
                "PORT",
                "Port to listen on, 0 for any free port (default ${DEFAULT-VALUE}).",
                "--port")
            .defaultValue("8080")
            .build());
    spec.addOption(
        value(
                String.class,
                "HOST",
                "Interface to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for all).",
                "--host")
            .defaultValue("127.0.0.1")
            .build());
    spec.addOption(
        value(long.class, "N", "Seed for generated response values.", "--seed")
            .defaultValue("1")
            .build());
    Options.standardHelp(spec);
    return spec;
  }

  private CommandSpec spec;

  private StubCommand() {}

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

  /** Starts the stub from the parsed options; {@link #call()} then waits until stopped. */
  PactStubServer start() {
    List<Path> pactFiles = list(spec, "--pact-file");
    int port = get(spec, "--port");
    String host = get(spec, "--host");
    long seed = get(spec, "--seed");
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
