package dev.accord.consumer.junit;

import dev.accord.consumer.Contract;
import dev.accord.consumer.MockProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The JUnit 5 side of {@link ConsumerContract}; register it through the annotation. */
public final class ConsumerContractExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConsumerContractExtension.class);
  private static final String CONTRACT = "contract";
  private static final String PROVIDER = "provider";

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ConsumerContract annotation = AnnotationSupport.findAnnotation(testClass, ConsumerContract.class)
        .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName()
            + " uses ConsumerContractExtension without @ConsumerContract(consumer = \"...\", provider = \"...\")"));
    Contract.Builder builder = Contract.between(annotation.consumer(), annotation.provider())
        .specification(annotation.specification());
    if (!annotation.pactDirectory().isBlank()) {
      builder.pactDirectory(Path.of(annotation.pactDirectory()), "@ConsumerContract(pactDirectory)");
    }
    context.getStore(NAMESPACE).put(CONTRACT, builder.start());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MockProvider provider = contract(context).startTest(
        context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
    context.getStore(NAMESPACE).put(PROVIDER, provider);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    contract(context).finishTest(context.getExecutionException().isEmpty());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Contract contract = context.getStore(NAMESPACE).remove(CONTRACT, Contract.class);
    if (contract != null) {
      contract.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == MockProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    MockProvider provider = extensionContext.getStore(NAMESPACE).get(PROVIDER, MockProvider.class);
    if (provider == null) {
      throw new ExtensionConfigurationException("A MockProvider is available in test methods and @BeforeEach/@AfterEach"
          + " methods of a @ConsumerContract class, not in " + parameterContext.getDeclaringExecutable());
    }
    return provider;
  }

  private static Contract contract(ExtensionContext context) {
    Contract contract = context.getStore(NAMESPACE).get(CONTRACT, Contract.class);
    if (contract == null) {
      throw new ExtensionConfigurationException("No contract was started for " + context.getRequiredTestClass().getName()
          + "; is @ConsumerContract on the class?");
    }
    return contract;
  }
}
