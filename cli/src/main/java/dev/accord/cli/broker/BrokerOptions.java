package dev.accord.cli.broker;

import dev.accord.broker.client.PactBrokerClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** The connection flags every broker command takes, named as in the standard Pact CLI. */
public final class BrokerOptions {

  @Option(
      names = {"-b", "--broker-base-url"},
      paramLabel = "URL",
      description = "The base URL of the Pact Broker. Default: $PACT_BROKER_BASE_URL")
  String baseUrl;

  @Option(
      names = {"-u", "--broker-username"},
      paramLabel = "USERNAME",
      description = "Basic auth username. Default: $PACT_BROKER_USERNAME")
  String username;

  @Option(
      names = {"-p", "--broker-password"},
      paramLabel = "PASSWORD",
      description = "Basic auth password. Default: $PACT_BROKER_PASSWORD")
  String password;

  @Option(
      names = {"-k", "--broker-token"},
      paramLabel = "TOKEN",
      description = "Bearer token; wins over basic auth. Default: $PACT_BROKER_TOKEN")
  String token;

  @Option(
      names = "--custom-header",
      paramLabel = "'Name: value'",
      description = "A header to send with every request (repeatable)")
  List<String> customHeaders = new ArrayList<>();

  @Option(
      names = "--retries",
      paramLabel = "ATTEMPTS",
      description =
          "Attempts per request on 5xx, 408, 429 and connection errors (default 8). Default: $PACT_BROKER_HTTP_RETRIES")
  Integer retries;

  @Option(
      names = {"-c", "--ssl-certificate"},
      paramLabel = "PEM_FILE",
      description = "Also trust the CA certificate(s) in this PEM file. Default: $SSL_CERT_FILE")
  Path sslCertificate;

  @Option(
      names = "--skip-ssl-verification",
      description =
          "Trust any certificate and host name (testing only). Also SSL_SKIP_VERIFICATION=true")
  boolean skipSslVerification;

  @Option(
      names = "--ssl-trust-store",
      paramLabel = "true|false",
      arity = "1",
      description =
          "Whether the JVM's root certificates are trusted too (default true). Default: $SSL_TRUST_STORE")
  Boolean sslTrustStore;

  @Option(
      names = "--verbose",
      description = "Print the effective broker configuration and where each value came from")
  boolean verbose;

  /**
   * A client from the flags, then the environment; with --verbose, says where each value came from.
   */
  PactBrokerClient client(Map<String, String> environment, PrintWriter err) {
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
    tls(environment, builder, err);
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
      Map<String, String> environment, PactBrokerClient.Builder builder, PrintWriter err) {
    boolean skip =
        skipSslVerification || "true".equalsIgnoreCase(environment.get("SSL_SKIP_VERIFICATION"));
    Path certificate = sslCertificate;
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
