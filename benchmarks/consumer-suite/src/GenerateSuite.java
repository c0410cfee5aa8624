import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the suite-shaped consumer benchmark's test classes (run with {@code java GenerateSuite.java <dir> [classes]
 * [tests]}): {@code classes} real JUnit 5 classes of {@code tests} test methods each, every test declaring one
 * interaction and calling it once, written twice with the same interactions: for Accord ({@code @ConsumerContract},
 * package {@code suite.accord}) and for pact-jvm's JUnit 5 extension ({@code @PactTestFor}, package
 * {@code suite.pactjvm}). Class {@code n} talks to provider {@code suite-provider-(n % 10)}, so each pact file is
 * merged by several classes, as in a real suite. Generated into target/ at benchmark time, never checked in.
 */
public final class GenerateSuite {
  private static final int PROVIDERS = 10;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int tests = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path accord = Files.createDirectories(dir.resolve("suite/accord"));
    Path pactJvm = Files.createDirectories(dir.resolve("suite/pactjvm"));
    for (int c = 1; c <= classes; c++) {
      String name = String.format("Suite%02dTest", c);
      Files.writeString(accord.resolve(name + ".java"), accordClass(name, c, tests));
      Files.writeString(pactJvm.resolve(name + ".java"), pactJvmClass(name, c, tests));
    }
  }

  private static String provider(int c) {
    return "suite-provider-" + (c % PROVIDERS);
  }

  private static String accordClass(String name, int c, int tests) {
    StringBuilder s = new StringBuilder("""
        package suite.accord;

        import static dev.accord.consumer.Accord.*;

        import dev.accord.consumer.MockProvider;
        import dev.accord.consumer.junit.ConsumerContract;
        import java.util.Map;
        import org.junit.jupiter.api.Test;
        import suite.Calls;

        @ConsumerContract(consumer = "suite-consumer", provider = "%s", pactDirectory = "target/suite-pacts")
        class %s {
        """.formatted(provider(c), name));
    for (int t = 0; t < tests; t++) {
      int id = c * 100 + t;
      s.append("""

            @Test
            void item%d(MockProvider provider) throws Exception {
              provider.given("item %d exists", Map.of("id", %d))
                  .uponReceiving("a request for item %d")
                  .withRequest(GET, "/items/%d").header("Accept", "application/json")
                  .willRespondWith(200)
                  .body(Map.of("id", integer(%d), "name", like("item %d"), "price", decimal(9.99),
                      "tags", eachLike("tag"), "updated", datetime("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-05-01T10:15:30Z")));

              Calls.get(provider.url() + "/items/%d");
            }
          """.formatted(id, id, id, id, id, id, id, id));
    }
    return s.append("}\n").toString();
  }

  private static String pactJvmClass(String name, int c, int tests) {
    StringBuilder s = new StringBuilder("""
        package suite.pactjvm;

        import au.com.dius.pact.consumer.MockServer;
        import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
        import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
        import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
        import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
        import au.com.dius.pact.consumer.junit5.PactTestFor;
        import au.com.dius.pact.core.model.PactSpecVersion;
        import au.com.dius.pact.core.model.V4Pact;
        import au.com.dius.pact.core.model.annotations.Pact;
        import au.com.dius.pact.core.model.annotations.PactDirectory;
        import java.time.Instant;
        import java.util.Map;
        import java.util.TimeZone;
        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.api.extension.ExtendWith;
        import suite.Calls;

        @ExtendWith(PactConsumerTestExt.class)
        @PactTestFor(providerName = "%s", pactVersion = PactSpecVersion.V4)
        @PactDirectory("target/suite-pacts")
        class %s {
        """.formatted(provider(c), name));
    for (int t = 0; t < tests; t++) {
      int id = c * 100 + t;
      s.append("""

            @Pact(consumer = "suite-consumer")
            public V4Pact item%dPact(PactDslWithProvider builder) {
              return builder.given("item %d exists", Map.of("id", %d))
                  .uponReceiving("a request for item %d")
                  .path("/items/%d").method("GET").headers("Accept", "application/json")
                  .willRespondWith().status(200)
                  .body(new PactDslJsonBody().integerType("id", %d).stringType("name", "item %d")
                      .decimalType("price", 9.99).eachLike("tags", PactDslJsonRootValue.stringType("tag"))
                      .datetime("updated", "yyyy-MM-dd'T'HH:mm:ssXXX", Instant.parse("2024-05-01T10:15:30Z"),
                          TimeZone.getTimeZone("UTC")))
                  .toPact(V4Pact.class);
            }

            @Test
            @PactTestFor(pactMethod = "item%dPact")
            void item%d(MockServer mockServer) throws Exception {
              Calls.get(mockServer.getUrl() + "/items/%d");
            }
          """.formatted(id, id, id, id, id, id, id, id, id, id));
    }
    return s.append("}\n").toString();
  }
}
