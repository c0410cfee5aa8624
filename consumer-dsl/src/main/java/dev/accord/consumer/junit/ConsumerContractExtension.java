package dev.accord.consumer.junit;

import dev.accord.consumer.Contract;
import dev.accord.consumer.MockProvider;
import dev.accord.consumer.MockServerPool;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link ConsumerContract}; register it through the annotation.
 *
 * <p>One contract (one mock provider, one pact file) per class that carries
 * {@code @ConsumerContract} (directly or from a superclass). A {@code @Nested} class without its
 * own annotation shares the contract of its nearest enclosing class: same mock provider, its
 * interactions in the same pact file, written when that enclosing class ends. A {@code @Nested}
 * class with its own annotation gets its own contract.
 */
public final class ConsumerContractExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ConsumerContractExtension.class);
  private static final String CONTRACT = "contract";
  private static final String PROVIDER = "provider";

  private static final String OWNER = "contract-owner";

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Optional<ConsumerContract> own =
        AnnotationSupport.findAnnotation(testClass, ConsumerContract.class);
    if (own.isEmpty()) {
      if (testClass.getEnclosingClass() != null
          && context.getStore(NAMESPACE).get(CONTRACT, Contract.class) != null) {
        return; // a @Nested class: it shares the contract of its enclosing class
      }
      throw new ExtensionConfigurationException(
          testClass.getName()
              + " uses ConsumerContractExtension without @ConsumerContract(consumer = \"...\", provider = \"...\")"
              + " on it or on an enclosing class");
    }
    ConsumerContract annotation = own.get();
    Contract.Builder builder =
        Contract.between(annotation.consumer(), annotation.provider())
            .specification(annotation.specification())
            .mockServerPool(mockServerPool(context));
    if (!annotation.pactDirectory().isBlank()) {
      builder.pactDirectory(
          Path.of(annotation.pactDirectory()), "@ConsumerContract(pactDirectory)");
    }
    context.getStore(NAMESPACE).put(CONTRACT, builder.start());
    context.getStore(NAMESPACE).put(OWNER, testClass);
  }

  /**
   * The mock servers of the whole test run, kept in the root context's store: the classes of a run
   * share them, one class at a time per server, and JUnit closes the pool (stopping them) when the
   * run ends.
   */
  // Store.getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.10
  // (still supported) lacks
  @SuppressWarnings("deprecation")
  private static MockServerPool mockServerPool(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            PooledServers.class, k -> new PooledServers(new MockServerPool()), PooledServers.class)
        .pool();
  }

  /**
   * Closes the pool with the root context: a CloseableResource for JUnit 5.10-5.12, AutoCloseable
   * for 5.13 on.
   */
  @SuppressWarnings(
      "deprecation") // CloseableResource: deprecated in JUnit 6 for AutoCloseable, which 5.10 does
  // not close
  private record PooledServers(MockServerPool pool)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      pool.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MockProvider provider =
        contract(context)
            .startTest(
                testName(context.getRequiredTestClass())
                    + "."
                    + context.getRequiredTestMethod().getName());
    context.getStore(NAMESPACE).put(PROVIDER, provider);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    contract(context).finishTest(context.getExecutionException().isEmpty());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // the store of a @Nested class sees its enclosing class's contract: only the class that started
    // one closes it
    if (context.getStore(NAMESPACE).get(OWNER, Class.class) != context.getRequiredTestClass()) {
      return;
    }
    Contract contract = context.getStore(NAMESPACE).remove(CONTRACT, Contract.class);
    if (contract != null) {
      contract.close();
    }
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == MockProvider.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    MockProvider provider = extensionContext.getStore(NAMESPACE).get(PROVIDER, MockProvider.class);
    if (provider == null) {
      throw new ExtensionConfigurationException(
          "A MockProvider is available in test methods and @BeforeEach/@AfterEach"
              + " methods of a @ConsumerContract class, not in "
              + parameterContext.getDeclaringExecutable());
    }
    return provider;
  }

  /**
   * {@code ProductClientTest.WhenOutOfStock} for a nested class: the enclosing classes name the
   * test too.
   */
  private static String testName(Class<?> testClass) {
    StringBuilder name = new StringBuilder(testClass.getSimpleName());
    for (Class<?> c = testClass.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      name.insert(0, c.getSimpleName() + ".");
    }
    return name.toString();
  }

  private static Contract contract(ExtensionContext context) {
    Contract contract = context.getStore(NAMESPACE).get(CONTRACT, Contract.class);
    if (contract == null) {
      throw new ExtensionConfigurationException(
          "No contract was started for "
              + context.getRequiredTestClass().getName()
              + "; is @ConsumerContract on the class?");
    }
    return contract;
  }
}
