package dev.accord.consumer.junit;

import dev.accord.pact.model.PactSpecification;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Makes a JUnit 5 test class a consumer contract test: one mock provider (a WireMock server on a
 * random port) for the class, reset before each test, injected as a {@link
 * dev.accord.consumer.MockProvider} parameter. After each test the contract must have been
 * exercised exactly; passing tests' interactions are merged into {@code
 * <pactDirectory>/<consumer>-<provider>.json} when the class ends.
 *
 * <pre>{@code
 * @ConsumerContract(consumer = "orders-service", provider = "products-service")
 * class ProductClientContractTest {
 *   @Test
 *   void fetchesAProduct(MockProvider provider) { ... }
 * }
 * }</pre>
 *
 * <p>Tests of one class run one at a time (they share the mock); classes may run in parallel, in
 * one JVM or in several forks. The classes of one test run share their WireMock servers ({@link
 * dev.accord.consumer.MockServerPool}): a class takes one another class has finished with, reset,
 * and the servers stop when the run ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ConsumerContractExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface ConsumerContract {

  /** The consumer's name, as the broker knows it. */
  String consumer();

  /** The provider's name, as the broker knows it. */
  String provider();

  /**
   * The pact directory; wins over the system property {@code accord.pact.dir} and the environment
   * variable {@code ACCORD_PACT_DIR}. Default: {@code target/pacts}.
   */
  String pactDirectory() default "";

  /** {@code V4} (default) or {@code V3}. */
  PactSpecification specification() default PactSpecification.V4;
}
