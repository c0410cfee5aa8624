package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.accord.pact.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One pact of cases written the way other Pact tools write them — regexes in Ruby's and the Pact
 * Broker's dialect (literal braces, {@code (?-mix:...)}, {@code \A...\z}, {@code \h}, POSIX
 * classes), {@code +json} and {@code +xml} content types, XML containers, and header values in
 * other cases — verified against one canned provider by Accord and by the standard {@code pact
 * verifier}: every interaction gets the same verdict from both, and the verdict the case expects.
 */
class DialectsAgainstPactVerifierTest {
  @TempDir Path dir;

  /**
   * One interaction: what the pact expects of the response, what the provider answers, and the
   * verdict.
   */
  private record Case(
      String description,
      ObjectNode expected,
      int status,
      Map<String, String> headers,
      String body,
      boolean passes) {}

  private final List<Case> cases = new ArrayList<>();

  private static ObjectNode regexResponse(String regex) {
    ObjectNode response = Json.nodes().objectNode();
    response.put("status", 200);
    response.set("body", Json.parse("{\"v\": \"example\"}"));
    ObjectNode rule = Json.nodes().objectNode();
    rule.putArray("matchers").addObject().put("match", "regex").put("regex", regex);
    response.putObject("matchingRules").putObject("body").set("$.v", rule);
    return response;
  }

  private void regex(String description, String regex, String actual, boolean passes) {
    cases.add(
        new Case(
            "regex: " + description,
            regexResponse(regex),
            200,
            Map.of("Content-Type", "application/json"),
            Json.write(Json.nodes().objectNode().put("v", actual)),
            passes));
  }

  private void contentType(
      String description,
      String expectedJson,
      String expectedContentType,
      String actualContentType,
      String actualBody,
      boolean passes) {
    ObjectNode response = Json.nodes().objectNode();
    response.put("status", 200);
    if (expectedContentType != null) {
      response.putObject("headers").put("Content-Type", expectedContentType);
    }
    response.set("body", Json.parse(expectedJson));
    cases.add(
        new Case(
            "content type: " + description,
            response,
            200,
            Map.of("Content-Type", actualContentType),
            actualBody,
            passes));
  }

  private void xml(
      String description, String expectedXml, String rulesJson, String actualXml, boolean passes) {
    ObjectNode response = Json.nodes().objectNode();
    response.put("status", 200);
    response.putObject("headers").put("Content-Type", "application/xml");
    response.put("body", expectedXml);
    if (rulesJson != null) {
      response.putObject("matchingRules").set("body", Json.parse(rulesJson));
    }
    cases.add(
        new Case(
            "xml: " + description,
            response,
            200,
            Map.of("Content-Type", "application/xml"),
            actualXml,
            passes));
  }

  private void header(String name, String expected, String actual, boolean passes) {
    ObjectNode response = Json.nodes().objectNode();
    response.put("status", 200);
    response.putObject("headers").put(name, expected);
    cases.add(
        new Case(
            "header: " + name + " '" + expected + "' vs '" + actual + "'",
            response,
            200,
            Map.of(name, actual),
            null,
            passes));
  }

  private void allCases() {
    regex(
        "literal braces",
        "http:\\/\\/.*{pacticipant}.*{branch}",
        "http://broker/pacticipants/{pacticipant}/branches/{branch}",
        true);
    regex(
        "literal braces, other text",
        "http:\\/\\/.*{pacticipant}.*{branch}",
        "http://broker/pacticipants/foo/branches/main",
        false);
    regex(
        "a group of literal braces",
        ".*(\\/pacticipants\\/{pacticipant})$",
        "http://broker/pacticipants/{pacticipant}",
        true);
    regex("a lone brace pair", "\\A{x}\\z", "{x}", true);
    regex("Ruby (?-mix:) digits", "(?-mix:\\A\\d+\\z)", "12345", true);
    regex("Ruby (?-mix:) letters", "(?-mix:\\A\\d+\\z)", "12a45", false);
    regex("Ruby m: the dot matches a newline", "(?m-ix:\\Aa.b\\z)", "a\nb", true);
    regex("Ruby without m: it does not", "(?-mix:\\Aa.b\\z)", "a\nb", false);
    regex("\\A and \\z", "\\A[a-z]+\\z", "abc", true);
    regex("\\z refuses a trailing newline", "\\A[a-z]+\\z", "abc\n", false);
    regex("\\Z", "\\A[a-z]+\\Z", "abc", true);
    regex("Ruby's \\h is a hex digit", "\\A\\h+\\z", "beef01", true);
    regex("POSIX [[:alpha:]]", "\\A[[:alpha:]]+\\z", "abcXYZ", true);
    regex("POSIX [[:alpha:]] refuses a digit", "\\A[[:alpha:]]+\\z", "abc1", false);
    regex("Ruby's {,n}", "\\Aa{,2}\\z", "aa", true);
    regex("a quantifier stays one", "\\A\\d{3}\\z", "1234", false);
    regex("the whole value must match", "\\d+", "abc123", false);
    regex("unreadable: only this interaction fails", "(abc", "abc", false);

    contentType(
        "hal+json for a JSON body without a content type",
        "{\"id\": 1}",
        null,
        "application/hal+json",
        "{\"id\": 1, \"_links\": {}}",
        true);
    contentType(
        "vnd+json compared as JSON",
        "{\"id\": 1}",
        null,
        "application/vnd.orders.v1+json; charset=UTF-8",
        "{\"id\": 2}",
        false);
    contentType(
        "a declared hal+json needs hal+json",
        "{\"id\": 1}",
        "application/hal+json",
        "application/json",
        "{\"id\": 1}",
        false);

    xml(
        "one more repeated element",
        "<p><c>red</c><c>blue</c></p>",
        null,
        "<p><c>red</c><c>blue</c><c>green</c></p>",
        true);
    xml("one repeated element fewer", "<p><c>a</c><c>a</c></p>", null, "<p><c>a</c></p>", false);
    xml("an extra attribute", "<a x=\"1\"/>", null, "<a x=\"1\" y=\"2\"/>", true);
    xml(
        "min on the container, too few",
        "<animals><cat/><cat/></animals>",
        "{\"$.animals\": {\"matchers\": [{\"match\": \"type\", \"min\": 2}]}}",
        "<animals><cat/></animals>",
        false);
    xml(
        "min on the container, enough",
        "<animals><cat/><cat/></animals>",
        "{\"$.animals\": {\"matchers\": [{\"match\": \"type\", \"min\": 2}]}}",
        "<animals><cat/><cat/><cat/></animals>",
        true);
    xml(
        "max on the container, too many",
        "<animals><cat/></animals>",
        "{\"$.animals\": {\"matchers\": [{\"match\": \"type\", \"max\": 2}]}}",
        "<animals><cat/><cat/><cat/></animals>",
        false);
    xml(
        "type on the container, a child of another name",
        "<people><person>a</person></people>",
        "{\"$.people\": {\"matchers\": [{\"match\": \"type\"}]}}",
        "<people><person>x</person><cat>y</cat></people>",
        false);
    xml(
        "no rule, a child of another name",
        "<people><person>a</person></people>",
        null,
        "<people><person>a</person><cat>y</cat></people>",
        true);
    xml(
        "another namespace",
        "<a:alligator xmlns:a=\"urn:one\"/>",
        null,
        "<a:alligator xmlns:a=\"urn:two\"/>",
        false);

    header("Accept", "alligators", "Alligators", false);
    header("Accept", "application/json", "application/JSON", false);
    header("Accept", "application/json", "application/json;q=0.9", true);
    header("Content-Type", "application/json", "Application/Json", false);
    header("Content-Type", "application/json", "application/json; charset=UTF-8", true);
    header(
        "Content-Type", "application/json; charset=UTF-8", "application/json;charset=utf-8", true);
    header("Content-Type", "application/json; charset=UTF-8", "application/json", false);
    header(
        "Content-Type",
        "application/json; charset=UTF-8",
        "application/json; charset=UTF-16",
        false);
    header("Content-Type", "text/plain; format=flowed", "text/plain; format=FLOWED", true);
    header("Content-Type", "text/plain; format=flowed", "text/plain; format=fixed", false);
    header("X-Colour", "red", "red", true);
    header("X-Colour", "red", "Red", false);
  }

  private Path writePact() throws Exception {
    ObjectNode pact = Json.nodes().objectNode();
    pact.putObject("consumer").put("name", "dialects-consumer");
    pact.putObject("provider").put("name", "dialects-provider");
    ArrayNode interactions = pact.putArray("interactions");
    for (int i = 0; i < cases.size(); i++) {
      ObjectNode interaction = interactions.addObject();
      interaction.put("description", cases.get(i).description());
      interaction.putObject("request").put("method", "GET").put("path", "/case/" + i);
      interaction.set("response", cases.get(i).expected());
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
    Path file = dir.resolve("dialects-consumer-dialects-provider.json");
    Files.writeString(file, Json.write(pact));
    return file;
  }

  /** Answers {@code /case/N} with case N's canned response. */
  private HttpServer cannedProvider() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/case/",
        exchange -> {
          Case c =
              cases.get(
                  Integer.parseInt(
                      exchange.getRequestURI().getPath().substring("/case/".length())));
          c.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(c.status(), body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void everyCaseGetsTheSameVerdictFromAccordAndFromPactVerifier() throws Exception {
    // GIVEN a pact of cases in the other Pact tools' dialects, and a provider answering each as the
    // case says
    allCases();
    Path pact = writePact();
    HttpServer provider = cannedProvider();
    try {
      int port = provider.getAddress().getPort();
      ByteArrayOutputStream console = new ByteArrayOutputStream();

      // WHEN Accord and the standard pact verifier verify it
      VerificationReport accord =
          ProviderVerifier.forProvider("dialects-provider")
              .baseUrl("http://127.0.0.1:" + port)
              .pactsFrom(PactSource.file(pact))
              .output(new PrintStream(console, true, StandardCharsets.UTF_8))
              .verify();
      PactCli.VerifierRun reference = PactCli.verify(pact, port, dir);

      // THEN each interaction passes or fails with both, as its case expects
      Set<String> accordFailed =
          accord.results().stream()
              .filter(r -> !r.passed())
              .map(InteractionResult::description)
              .collect(Collectors.toSet());
      Map<String, String> disagreements = new LinkedHashMap<>();
      for (Case c : cases) {
        boolean accordPasses = !accordFailed.contains(c.description());
        boolean referencePasses = !reference.failed().contains(c.description());
        if (accordPasses != c.passes() || referencePasses != c.passes()) {
          disagreements.put(
              c.description(),
              "expected "
                  + verdict(c.passes())
                  + ", Accord "
                  + verdict(accordPasses)
                  + ", pact verifier "
                  + verdict(referencePasses));
        }
      }
      assertThat(disagreements)
          .as("Accord's report:%n%s%npact verifier's output:%n%s", console, reference.output())
          .isEmpty();
      assertThat(accord.results()).hasSize(cases.size());
      assertThat(accord.summary())
          .isEqualTo(
              cases.stream().filter(c -> !c.passes()).count()
                  + " of "
                  + cases.size()
                  + " interactions failed");
    } finally {
      provider.stop(0);
    }
  }

  @Test
  void anUnreadableRegexFailsItsInteractionNamingTheRuleAndTheRegex() throws Exception {
    // GIVEN a pact whose one interaction has a regex no dialect reads, beside one that is fine
    regex("fine", "(?-mix:\\A\\d+\\z)", "42", true);
    regex("unreadable", "(abc{pacticipant}", "abc", false);
    Path pact = writePact();
    HttpServer provider = cannedProvider();
    try {
      ByteArrayOutputStream console = new ByteArrayOutputStream();

      // WHEN Accord verifies it
      VerificationReport report =
          ProviderVerifier.forProvider("dialects-provider")
              .baseUrl("http://127.0.0.1:" + provider.getAddress().getPort())
              .pactsFrom(PactSource.file(pact))
              .output(new PrintStream(console, true, StandardCharsets.UTF_8))
              .verify();

      // THEN the other interaction is verified, and the failure names the rule, the path and the
      // regex
      assertThat(report.summary()).as(console.toString()).isEqualTo("1 of 2 interactions failed");
      InteractionResult failed =
          report.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
      assertThat(failed.description()).isEqualTo("regex: unreadable");
      assertThat(failed.describeFailures())
          .contains("$.v")
          .contains(
              "The regex rule's regular expression '(abc{pacticipant}' cannot be read (Unclosed group); "
                  + "fix the regex matcher in the pact");
    } finally {
      provider.stop(0);
    }
  }

  private static String verdict(boolean passes) {
    return passes ? "pass" : "fail";
  }
}
