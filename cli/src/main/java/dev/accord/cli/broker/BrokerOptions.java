package dev.accord.cli.broker;

import static dev.accord.cli.internal.Options.flagBuilder;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.repeatableBuilder;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.internal.Options;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The connection flags every broker command takes, named as in the standard Pact CLI. Declared in
 * code ({@link Options}) and added to each broker command as a mixin, listed first in its help.
 */
public final class BrokerOptions {

  /** Before every other option of a command in its help (picocli's default order is -1). */
  private static final int FIRST = -2;

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  BrokerOptions() {
    add(
        value(
            String.class,
            "URL",
            "The base URL of the Pact Broker. Default: $PACT_BROKER_BASE_URL",
            "-b",
            "--broker-base-url"));
    add(
        value(
            String.class,
            "USERNAME",
            "Basic auth username. Default: $PACT_BROKER_USERNAME",
            "-u",
            "--broker-username"));
    add(
        value(
            String.class,
            "PASSWORD",
            "Basic auth password. Default: $PACT_BROKER_PASSWORD",
            "-p",
            "--broker-password"));
    add(
        value(
            String.class,
            "TOKEN",
            "Bearer token; wins over basic auth. Default: $PACT_BROKER_TOKEN",
            "-k",
            "--broker-token"));
    add(
        repeatableBuilder(
            String.class,
            "'Name: value'",
            "A header to send with every request (repeatable)",
            "--custom-header"));
    add(
        value(
            Integer.class,
            "ATTEMPTS",
            "Attempts per request on 5xx, 408, 429 and connection errors (default 8). Default:"
                + " $PACT_BROKER_HTTP_RETRIES",
            "--retries"));
    add(
        value(
            Path.class,
            "PEM_FILE",
            "Also trust the CA certificate(s) in this PEM file. Default: $SSL_CERT_FILE",
            "-c",
            "--ssl-certificate"));
    add(
        flagBuilder(
            "Trust any certificate and host name (testing only). Also SSL_SKIP_VERIFICATION=true",
            "--skip-ssl-verification"));
    add(
        value(
                Boolean.class,
                "true|false",
                "Whether the JVM's root certificates are trusted too (default true). Default:"
                    + " $SSL_TRUST_STORE",
                "--ssl-trust-store")
            .arity("1"));
    add(
        flagBuilder(
            "Print the effective broker configuration and where each value came from",
            "--verbose"));
  }

  private void add(OptionSpec.Builder option) {
    spec.addOption(option.order(FIRST).build());
  }

  /**
   * Adds the connection flags to {@code command} when it is a broker command (they are listed first
   * in its help); other commands are left as they are.
   */
  public static void addTo(CommandLine command) {
    if (command.getCommand() instanceof BrokerCommand broker) {
      command.getCommandSpec().addMixin("broker", broker.broker.spec);
    }
  }

  /**
   * A client from the flags, then the environment; with --verbose, says where each value came from.
   */
  PactBrokerClient client(Map<String, String> environment, PrintWriter err) {
    String baseUrl = get(spec, "--broker-base-url");
    String username = get(spec, "--broker-username");
    String password = get(spec, "--broker-password");
    String token = get(spec, "--broker-token");
    Integer retries = get(spec, "--retries");
    List<String> customHeaders = list(spec, "--custom-header");
    boolean verbose = isSet(spec, "--verbose");
    PactBrokerClient.Builder builder =
        PactBrokerClient.builder().environment(environment).baseUrl(baseUrl).bearerToken(token);
    if (username != null) {
      builder.basicAuth(username, password);
    } else if (password != null) {
      builder.basicAuth(environment.get("PACT_BROKER_USERNAME"), password);
    }
    if (retries != null) {
      if (retries < 1) {
        throw new IllegalArgumentException(
            "--retries is the number of attempts per request and must be at least 1, got "
                + retries);
      }
      builder.maxAttempts(retries);
    }
    for (String header : customHeaders) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "--custom-header '"
                + header
                + "' must look like 'Name: value', e.g. --custom-header 'X-Team: payments'");
      }
      builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    tls(environment, builder, err, verbose);
    PactBrokerClient client;
    try {
      client = builder.build();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          e.getMessage().replace("--broker-base-url (CLI)", "--broker-base-url"), e);
    }
    if (verbose) {
      client.configuration().forEach(line -> err.println("[broker] " + line));
    }
    return client;
  }

  private void tls(
      Map<String, String> environment,
      PactBrokerClient.Builder builder,
      PrintWriter err,
      boolean verbose) {
    boolean skip =
        isSet(spec, "--skip-ssl-verification")
            || "true".equalsIgnoreCase(environment.get("SSL_SKIP_VERIFICATION"));
    Path certificate = get(spec, "--ssl-certificate");
    Boolean sslTrustStore = get(spec, "--ssl-trust-store");
    String source = "--ssl-certificate";
    if (certificate == null
        && environment.get("SSL_CERT_FILE") != null
        && !environment.get("SSL_CERT_FILE").isBlank()) {
      certificate = Path.of(environment.get("SSL_CERT_FILE"));
      source = "SSL_CERT_FILE";
    }
    boolean systemRoots =
        sslTrustStore != null
            ? sslTrustStore
            : !"false".equalsIgnoreCase(environment.get("SSL_TRUST_STORE"));
    SSLContext context = null;
    if (skip) {
      context = Tls.lazy(Tls::trustAll);
      if (verbose) {
        err.println(
            "[broker] TLS: certificate and host name checks skipped (--skip-ssl-verification)");
      }
    } else if (certificate != null) {
      if (!Files.isReadable(certificate)) {
        throw new IllegalArgumentException(source + " " + certificate + " is not a readable file");
      }
      Path pem = certificate;
      context = Tls.lazy(() -> Tls.trusting(pem, systemRoots));
      if (verbose) {
        err.println(
            "[broker] TLS: trusting "
                + certificate
                + " (from "
                + source
                + ")"
                + (systemRoots ? " and the JVM's roots" : " only"));
      }
    }
    if (context != null) {
      builder.sslContext(context);
    }
  }
}
