package dev.accord.verifier.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a test class into a provider verification: each {@code @TestTemplate} method taking a
 * {@link ProviderTestContext} runs once per interaction of the pacts, named {@code "<consumer> ·
 * <description> [given <states>]"}. The class's {@link dev.accord.verifier.State @State} methods
 * set up provider states; its {@link dev.accord.verifier.ProvidesMessage @ProvidesMessage} methods
 * produce messages for message pacts.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @AccordProviderTest(provider = "products-service", pactDirectories = "src/test/resources/pacts")
 * class ProductsContractTest {
 *   @LocalServerPort int port;
 *
 *   @BeforeEach
 *   void target(ProviderTestContext context) {
 *     context.baseUrl("http://localhost:" + port);
 *   }
 *
 *   @TestTemplate
 *   void honours(ProviderTestContext context) {
 *     context.verify();
 *   }
 *
 *   @State("a product exists")
 *   Map<String, Object> productExists(Map<String, Object> params) { ... }
 * }
 * }</pre>
 *
 * Nothing here depends on Spring: any way of starting the provider works, as long as
 * {@code @BeforeEach} says where it listens.
 *
 * <p>From a Pact Broker, publishing the results from CI only:
 *
 * <pre>{@code
 * @AccordProviderTest(provider = "products-service", brokerUrl = "${PACT_BROKER_BASE_URL}",
 *     consumerVersionSelectors = {"{\"mainBranch\": true}", "{\"deployedOrReleased\": true}"},
 *     providerBranch = "${GIT_BRANCH}", includePending = true, includeWipPactsSince = "2026-01-01",
 *     publishResults = "${CI}", providerVersion = "${GIT_COMMIT}", buildUrl = "${BUILD_URL}")
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ProviderVerificationExtension.class)
public @interface AccordProviderTest {
  /** The provider's name as the pacts give it. */
  String provider();

  /**
   * Pact files, relative to the working directory (the module directory under Maven and Gradle).
   */
  String[] pactFiles() default {};

  /** Directories whose {@code *.json} files are pacts. */
  String[] pactDirectories() default {};

  /**
   * URLs of pacts (no authentication; use the builder API for authenticated sources, or the broker
   * attributes).
   */
  String[] pactUrls() default {};

  // ---- selection ------------------------------------------------------------------------------
  //
  // As the builder's and the CLI's filters. For CI, each can also be given (one pattern) as a
  // system property, added to
  // the attribute's: accord.filter.consumer, accord.exclude.consumer, accord.filter.description,
  // accord.exclude.description, accord.filter.state, accord.exclude.state, accord.filter.key,
  // accord.exclude.key, and
  // accord.allowEmpty=true. Filters that select nothing fail the class with the CLI's message,
  // unless allowEmpty.

  /**
   * Verify only these consumers (all when empty): exact names, globs ({@code web-*}) or whole-name
   * regexes.
   */
  String[] consumers() default {};

  /** Skip these consumers (exact names, globs or whole-name regexes). */
  String[] excludeConsumers() default {};

  /**
   * Verify only interactions whose description matches one of these regular expressions (anywhere
   * in it).
   */
  String[] descriptions() default {};

  /** Skip interactions whose description matches one of these regular expressions. */
  String[] excludeDescriptions() default {};

  /**
   * Verify only interactions with a provider state matching one of these regexes ({@code ""}:
   * without states).
   */
  String[] states() default {};

  /**
   * Skip interactions with a provider state matching one of these regexes ({@code ""}: those
   * without states).
   */
  String[] excludeStates() default {};

  /**
   * Verify only interactions whose V4 key matches one of these (exact, glob or whole-key regex).
   */
  String[] keys() default {};

  /** Skip interactions whose V4 key matches one of these. */
  String[] excludeKeys() default {};

  /**
   * Filters that select nothing (or no pacts for the provider) give no tests instead of failing the
   * class.
   */
  boolean allowEmpty() default false;

  /** Per-request timeout in milliseconds. */
  long requestTimeoutMillis() default 10_000;

  // ---- pacts from a Pact Broker -------------------------------------------------------------
  //
  // The attributes below take ${NAME} placeholders, replaced by the system property NAME or else
  // the environment
  // variable NAME (empty when neither is set), e.g. providerVersion = "${GIT_COMMIT}".

  /**
   * Verify the pacts the broker selects for this provider (pacts-for-verification), in addition to
   * any files, directories and URLs. The broker URL is {@link #brokerUrl()}, else {@code
   * -Dpactbroker.url}, else the environment variable {@code PACT_BROKER_BASE_URL}; authentication
   * comes from {@code PACT_BROKER_TOKEN} (bearer) or {@code PACT_BROKER_USERNAME}/{@code
   * PACT_BROKER_PASSWORD} (basic), or the system properties {@code pactbroker.auth.token}/{@code
   * .username}/{@code .password}. Setting any broker attribute implies it.
   */
  boolean fromBroker() default false;

  /**
   * The broker's base URL, e.g. {@code "${PACT_BROKER_BASE_URL}"} or {@code
   * "https://broker.example.com"}.
   */
  String brokerUrl() default "";

  /**
   * Consumer version selectors as JSON objects, e.g. {@code {"mainBranch": true}} and {@code
   * {"deployedOrReleased": true}}; none means the broker's defaults.
   */
  String[] consumerVersionSelectors() default {};

  /**
   * The branch of the provider version being verified, e.g. {@code "${GIT_BRANCH}"}; needed for
   * pending and WIP pacts.
   */
  String providerBranch() default "";

  /**
   * Ask for pending status: failures of pacts this provider branch never verified do not fail the
   * build.
   */
  boolean includePending() default false;

  /**
   * Also verify work-in-progress pacts published since this ISO date (e.g. {@code "2026-01-01"});
   * they are pending.
   */
  String includeWipPactsSince() default "";

  /**
   * Publish the results to the broker once every interaction of the class ran: {@code "true"}, or a
   * placeholder such as {@code "${CI}"} so that only CI builds publish. Needs {@link
   * #providerVersion()}. Results are not published when some interactions did not run (a filtered
   * or interrupted run), so a partial run never records a verdict.
   */
  String publishResults() default "false";

  /**
   * The provider version the results are published under: its git SHA, e.g. {@code
   * "${GIT_COMMIT}"}.
   */
  String providerVersion() default "";

  /** The CI build's URL, published with the results (optional), e.g. {@code "${BUILD_URL}"}. */
  String buildUrl() default "";

  // ---- running and reporting ------------------------------------------------------------------

  /**
   * The seed for generated values, to replay a failed run: a number or a placeholder. Unset, the
   * system property {@code accord.seed}, else the environment variable {@code ACCORD_SEED}, else a
   * random seed; a failing test prints the seed it ran with.
   */
  String seed() default "";

  /**
   * Reports to write once the class ran: {@code "junit"}, {@code "json"}, {@code "html"}. Unset,
   * the system property {@code accord.reports} (comma-separated), else none. They go to {@link
   * #reportDirectory()}.
   */
  String[] reports() default {};

  /**
   * Where {@link #reports()} are written; unset, the system property {@code
   * accord.reportDirectory}, else {@code target/accord-reports}.
   */
  String reportDirectory() default "";

  /**
   * States-only mode: each test sets up and tears down its interaction's provider states without
   * sending the request, to check the state handlers alone. Also {@code -Daccord.statesOnly=true}.
   */
  boolean statesOnly() default false;

  /**
   * Lifecycle hooks, each created once per class with its no-argument constructor: {@code
   * beforeRun} before the first test, {@code beforeInteraction}/{@code afterInteraction} around
   * each, {@code afterRun} after the last.
   */
  Class<? extends dev.accord.verifier.VerificationHook>[] hooks() default {};

  // ---- budgets and what the run shows (as the CLI's options; each also a system property for CI)
  // ------

  /**
   * Stop after the first failure: the remaining tests are aborted as not run. Also {@code
   * -Daccord.failFast=true}.
   */
  boolean failFast() default false;

  /**
   * Stop after this many failures (0: no limit); the rest are aborted as not run. Also {@code
   * -Daccord.maxFailures}.
   */
  int maxFailures() default 0;

  /**
   * The class's time budget in milliseconds (0: none): tests that would start after it are aborted
   * as not run. Also {@code -Daccord.timeoutTotal} (milliseconds).
   */
  long timeoutTotalMillis() default 0;

  /**
   * Stop when the provider timed out on this many interactions in a row (it looks hung): the rest
   * are aborted as not run. 0 never stops. Also {@code -Daccord.maxConsecutiveTimeouts}.
   */
  int maxConsecutiveTimeouts() default 3;

  /**
   * Rerun only the interactions that failed in the previous JSON report of {@link
   * #reportDirectory()} (write it with {@code reports = "json"}). Also {@code
   * -Daccord.lastFailed=true}.
   */
  boolean lastFailed() default false;

  /**
   * Print every state-change call and every request and response (credentials redacted, bodies cut
   * at 1,000 characters). Also {@code -Daccord.verbose=true}.
   */
  boolean verbose() default false;

  /**
   * Headers added to every request to the provider, as {@code "Name: value"}; also {@code
   * -Daccord.header}.
   */
  String[] headers() default {};

  /**
   * State changes as {@code POST ?state=...&action=...&param=value}, for providers built for the
   * Rust verifier.
   */
  boolean stateChangeAsQuery() default false;

  /** Send teardown calls to the state-change URL (in-process handlers are always torn down). */
  boolean stateChangeTeardown() default true;
}
