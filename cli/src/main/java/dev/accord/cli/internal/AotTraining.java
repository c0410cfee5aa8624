package dev.accord.cli.internal;

import com.sun.net.httpserver.HttpServer;
import dev.accord.cli.AccordCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run the build records the launcher's ahead-of-time cache from (JDK 24+, {@code
 * -XX:AOTMode=record}): in one JVM, the commands a pipeline calls most, {@code verify} of a V3 and
 * a V4 pact and {@code can-i-deploy}, against a provider and a broker's matrix answer served here
 * on 127.0.0.1. Only what these runs load and link goes into the cache; everything else loads as it
 * would without one. Not part of the command line's API.
 *
 * <pre>
 * java -XX:AOTMode=record -XX:AOTConfiguration=accord.aotconf -cp accord.jar dev.accord.cli.internal.AotTraining \
 *     accord.jar accord.aot.jar-mtime</pre>
 */
public final class AotTraining {
  private static final String PROVIDER_BODY =
      "{\"id\":1,\"name\":\"product 1\",\"price\":9.99,\"inStock\":true,\"tags\":[\"book\"],\"supplier\":{\"id\":\"s-42\"}}";
  private static final String MATRIX =
      "{\"summary\":{\"deployable\":true,\"reason\":\"All required verification results"
          + " are published and successful\",\"success\":1,\"failed\":0,\"unknown\":0},\"notices\":[{\"type\":\"success\","
          + "\"text\":\"Computer says yes\"}],\"matrix\":[{\"consumer\":{\"name\":\"orders-service\",\"version\":{\"number\":"
          + "\"1.0.0\",\"branch\":\"main\"}},\"provider\":{\"name\":\"products-service\",\"version\":{\"number\":\"2.0.0\"}},"
          + "\"pact\":{\"createdAt\":\"2026-12-06T10:00:00+00:00\"},\"verificationResult\":{\"success\":true,\"verifiedAt\":"
          + "\"2026-12-06T10:01:00+00:00\",\"_links\":{\"self\":{\"href\":\"http://127.0.0.1/verification-results/1\"}}}}]}";
  private static final String V4_PACT =
      "{\"consumer\":{\"name\":\"orders-service\"},\"provider\":{\"name\":"
          + "\"products-service\"},\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"description\":\"get product 1\","
          + "\"providerStates\":[{\"name\":\"a product exists\",\"params\":{\"id\":1}}],\"request\":{\"method\":\"GET\","
          + "\"path\":\"/products/1\",\"headers\":{\"Accept\":[\"application/json\"]}},\"response\":{\"status\":200,"
          + "\"headers\":{\"Content-Type\":[\"application/json\"]},\"body\":{\"content\":{\"id\":1,\"name\":\"product 1\","
          + "\"price\":12.5,\"inStock\":true,\"tags\":[\"book\"],\"supplier\":{\"id\":\"s-1\"}},\"contentType\":"
          + "\"application/json\",\"encoded\":false},\"matchingRules\":{\"body\":{\"$.id\":{\"combine\":\"AND\",\"matchers\":"
          + "[{\"match\":\"integer\"}]},\"$.name\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},\"$.price\":"
          + "{\"combine\":\"AND\",\"matchers\":[{\"match\":\"decimal\"}]},\"$.tags\":{\"combine\":\"AND\",\"matchers\":"
          + "[{\"match\":\"type\",\"min\":1}]},\"$.supplier.id\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\","
          + "\"regex\":\"s-\\\\d+\"}]}}}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";
  private static final String V3_PACT =
      "{\"consumer\":{\"name\":\"orders-service\"},\"provider\":{\"name\":"
          + "\"products-service\"},\"interactions\":[{\"description\":\"get product 1 (v3)\",\"providerStates\":[{\"name\":"
          + "\"a product exists\"}],\"request\":{\"method\":\"GET\",\"path\":\"/products/1\"},\"response\":{\"status\":200,"
          + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":1,\"name\":\"x\"},\"matchingRules\":{\"body\":"
          + "{\"$.name\":{\"matchers\":[{\"match\":\"type\"}]}}}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";

  private AotTraining() {}

  /**
   * @param args optionally the jar and a file to write its modification time to, in seconds since
   *     the epoch: the cache holds it, and the launcher sets it back on a jar that unzip gave
   *     another one
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 2) {
      long seconds = Files.getLastModifiedTime(Path.of(args[0])).toMillis() / 1000;
      Files.writeString(Path.of(args[1]), seconds + "\n");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          String body =
              path.startsWith("/matrix")
                  ? MATRIX
                  : path.startsWith("/products") ? PROVIDER_BODY : "{}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set(
                  "Content-Type",
                  path.startsWith("/matrix") ? "application/hal+json" : "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    Path dir = Files.createTempDirectory("accord-aot-training");
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Path v4 = Files.writeString(dir.resolve("v4.json"), V4_PACT);
      Path v3 = Files.writeString(dir.resolve("v3.json"), V3_PACT);
      expect(
          0,
          "verify",
          "--provider",
          "products-service",
          "--pact-file",
          v4.toString(),
          "--pact-file",
          v3.toString(),
          "--provider-base-url",
          url,
          "--state-change-url",
          url + "/_pact/state");
      expect(
          0,
          "can-i-deploy",
          "-b",
          url,
          "--pacticipant",
          "orders-service",
          "--version",
          "1.0.0",
          "--to-environment",
          "production");
      expect(0, "--version");
    } finally {
      server.stop(0);
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  private static void expect(int exitCode, String... args) {
    StringWriter output = new StringWriter();
    PrintWriter out = new PrintWriter(output);
    int code =
        AccordCommand.run(
            new AccordCommand(Map.of(), Path.of("").toAbsolutePath(), d -> {}), out, out, args);
    if (code != exitCode) {
      throw new IllegalStateException(
          "AOT training: accord "
              + String.join(" ", args)
              + " exited "
              + code
              + ", expected "
              + exitCode
              + "; its output:\n"
              + output);
    }
  }
}
