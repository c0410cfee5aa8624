package dev.accord.consumer;

import dev.accord.consumer.internal.PactFiles;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.PactSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consumer contract with one provider, run without JUnit (from a main, TestNG, Spock): one mock
 * server, any number of tests, one pact file written when the contract is closed.
 *
 * <pre>{@code
 * try (Contract contract = Contract.between("orders-service", "products-service").start()) {
 *   contract.test("fetches a product", provider -> {
 *     provider.uponReceiving("a request for a product")
 *         .withRequest(GET, "/api/products/prod-001")
 *         .willRespondWith(200).body(Map.of("id", like("prod-001")));
 *     assertEquals("prod-001", new ProductClient(provider.url()).getProduct("prod-001").id());
 *   });
 * } // writes target/pacts/orders-service-products-service.json
 * }</pre>
 *
 * <p>A test's interactions reach the pact file only when the test passed and exercised exactly what
 * it declared. The pact directory is, in this order: {@link Builder#pactDirectory(Path)}, the
 * system property {@value #PACT_DIR_PROPERTY}, the environment variable {@value #PACT_DIR_ENV},
 * then {@code target/pacts}; the choice is logged when the contract starts.
 */
public final class Contract implements AutoCloseable {

  /** System property naming the pact directory. */
  public static final String PACT_DIR_PROPERTY = "accord.pact.dir";

  /** Environment variable naming the pact directory. */
  public static final String PACT_DIR_ENV = "ACCORD_PACT_DIR";

  private static final System.Logger LOG = System.getLogger("dev.accord.consumer");

  private final String consumer;
  private final String provider;
  private final Path pactFile;
  private final PactSpecification specification;
  private final RecordingMockProvider mock;
  private final Map<String, PactFiles.Written> passed = new LinkedHashMap<>();
  private String currentTest;

  private Contract(
      String consumer,
      String provider,
      Path directory,
      PactSpecification specification,
      MockServerPool pool) {
    this.consumer = consumer;
    this.provider = provider;
    this.pactFile = directory.resolve(consumer + "-" + provider + ".json");
    this.specification = specification;
    this.mock = new RecordingMockProvider(provider, pool);
  }

  /** A contract between a consumer and a provider, by the names the broker knows them by. */
  public static Builder between(String consumer, String provider) {
    return new Builder(consumer, provider);
  }

  /** Configuration of a {@link Contract}. */
  public static final class Builder {
    private final String consumer;
    private final String provider;
    private Path pactDirectory;
    private String pactDirectorySource = "Contract.Builder.pactDirectory(...)";
    private PactSpecification specification = PactSpecification.V4;
    private MockServerPool mockServerPool;

    private Builder(String consumer, String provider) {
      this.consumer = requireName(consumer, "consumer");
      this.provider = requireName(provider, "provider");
    }

    /**
     * Where to write the pact file (wins over the system property and the environment variable).
     */
    public Builder pactDirectory(Path directory) {
      this.pactDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The pact directory, naming where the setting came from for the start-up log line
     * (integrations such as the JUnit extension say {@code "@ConsumerContract(pactDirectory)"}).
     */
    public Builder pactDirectory(Path directory, String source) {
      this.pactDirectory = Objects.requireNonNull(directory, "directory");
      this.pactDirectorySource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The Pact specification to write: {@code V4} (default) or {@code V3}. */
    public Builder specification(PactSpecification version) {
      if (version != PactSpecification.V4 && version != PactSpecification.V3) {
        throw new IllegalArgumentException(
            "Accord writes pact files as V3 or V4, not "
                + version
                + "; use PactSpecification.V4 (the default) or PactSpecification.V3");
      }
      this.specification = version;
      return this;
    }

    /**
     * Takes the mock server from {@code pool} and gives it back, reset, on {@link
     * Contract#close()}, so contracts run one after another share one server instead of starting
     * one each (the JUnit extension does this for a whole test run). Without a pool the contract
     * starts its own server and stops it on close.
     */
    public Builder mockServerPool(MockServerPool pool) {
      this.mockServerPool = Objects.requireNonNull(pool, "pool");
      return this;
    }

    /** Resolves the configuration, logs where the pact directory came from. */
    public Contract start() {
      Path dir;
      String source;
      if (pactDirectory != null) {
        dir = pactDirectory;
        source = pactDirectorySource;
      } else if (notBlank(System.getProperty(PACT_DIR_PROPERTY))) {
        dir = Path.of(System.getProperty(PACT_DIR_PROPERTY));
        source = "system property " + PACT_DIR_PROPERTY;
      } else if (notBlank(System.getenv(PACT_DIR_ENV))) {
        dir = Path.of(System.getenv(PACT_DIR_ENV));
        source = "environment variable " + PACT_DIR_ENV;
      } else {
        dir = Path.of("target", "pacts");
        source = "default";
      }
      Contract contract = new Contract(consumer, provider, dir, specification, mockServerPool);
      LOG.log(
          System.Logger.Level.INFO,
          () ->
              "Accord: pact "
                  + consumer
                  + " -> "
                  + provider
                  + " ("
                  + specification
                  + ") will be written to "
                  + contract.pactFile.toAbsolutePath()
                  + " (directory from "
                  + source
                  + ")");
      return contract;
    }

    private static String requireName(String name, String role) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "The "
                + role
                + " name is missing; give the name the Pact broker knows it by,"
                + " e.g. Contract.between(\"orders-service\", \"products-service\")");
      }
      return name;
    }

    private static boolean notBlank(String s) {
      return s != null && !s.isBlank();
    }
  }

  /** The body of a test run by {@link #test(String, TestBody)}. */
  @FunctionalInterface
  public interface TestBody {
    void run(MockProvider provider) throws Exception;
  }

  /**
   * Runs one test: starts it, runs the body, checks that the contract was exercised exactly, and
   * keeps its interactions for the pact file when everything passed.
   *
   * @throws AssertionError when the body failed or the contract was not exercised as declared
   */
  public void test(String name, TestBody body) {
    MockProvider provider = startTest(name);
    Throwable failure = null;
    try {
      body.run(provider);
    } catch (Throwable t) {
      failure = t;
    }
    try {
      finishTest(failure == null);
    } catch (AssertionError verification) {
      if (failure == null) {
        throw verification;
      }
      failure.addSuppressed(verification);
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new AssertionError("Test '" + name + "' failed: " + failure, failure);
    }
  }

  /** Starts a test: a clean mock provider (no interactions, empty journal). */
  public synchronized MockProvider startTest(String testName) {
    if (currentTest != null) {
      throw new IllegalStateException(
          "Test '"
              + testName
              + "' started while '"
              + currentTest
              + "' is running on the"
              + " same mock provider. Tests of one contract run one at a time: with JUnit, keep @ConsumerContract classes"
              + " in SAME_THREAD execution mode (parallel classes are fine)");
    }
    currentTest = Objects.requireNonNull(testName, "testName");
    mock.reset();
    return mock;
  }

  /**
   * Ends the current test: checks that every declared interaction was received and nothing else,
   * and keeps the interactions when {@code testPassed}.
   *
   * @throws ContractNotExercisedError naming unexpected requests (with the closest interaction),
   *     interactions never received and messages never delivered
   * @throws AssertionError when an interaction conflicts with one of an earlier test
   */
  public synchronized void finishTest(boolean testPassed) {
    String test = currentTest;
    currentTest = null;
    try {
      List<Interaction> interactions = mock.verify();
      if (!testPassed) {
        return;
      }
      Map<String, PactFiles.Written> mine = new LinkedHashMap<>();
      for (Interaction interaction : interactions) {
        PactFiles.Written w = new PactFiles.Written(interaction, test);
        String key = PactFiles.key(interaction);
        PactFiles.Written earlier = mine.containsKey(key) ? mine.get(key) : passed.get(key);
        if (earlier != null) {
          String conflict = PactFiles.conflict(earlier, w);
          if (conflict != null) {
            throw new AssertionError(conflict);
          }
          continue;
        }
        mine.put(key, w);
      }
      mine.forEach(passed::put);
    } finally {
      mock.reset();
    }
  }

  /** Where the pact file is written. */
  public Path pactFile() {
    return pactFile;
  }

  /**
   * Writes the interactions of the passing tests into the pact file (merging), then stops the mock
   * server.
   */
  @Override
  public synchronized void close() {
    try {
      if (!passed.isEmpty()) {
        PactFiles.merge(
            pactFile, consumer, provider, new ArrayList<>(passed.values()), specification);
      }
    } finally {
      mock.close();
    }
  }
}
