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
 * {@link ProviderTestContext} runs once per interaction of the pacts, named
 * {@code "<consumer> · <description> [given <states>]"}. The class's {@link dev.accord.verifier.State @State}
 * methods set up provider states; its {@link dev.accord.verifier.ProvidesMessage @ProvidesMessage} methods
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
 * Nothing here depends on Spring: any way of starting the provider works, as long as {@code @BeforeEach}
 * says where it listens.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ProviderVerificationExtension.class)
public @interface AccordProviderTest {
  /** The provider's name as the pacts give it. */
  String provider();

  /** Pact files, relative to the working directory (the module directory under Maven and Gradle). */
  String[] pactFiles() default {};

  /** Directories whose {@code *.json} files are pacts. */
  String[] pactDirectories() default {};

  /** URLs of pacts (no authentication; use the builder API for authenticated sources). */
  String[] pactUrls() default {};

  /** Verify only these consumers (all when empty). */
  String[] consumers() default {};

  /** Per-request timeout in milliseconds. */
  long requestTimeoutMillis() default 10_000;
}
