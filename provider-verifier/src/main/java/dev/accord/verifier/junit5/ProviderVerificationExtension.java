package dev.accord.verifier.junit5;

import dev.accord.verifier.PactSource;
import dev.accord.verifier.internal.HttpTransport;
import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The JUnit 5 extension behind {@link AccordProviderTest}: one test invocation per interaction. */
public final class ProviderVerificationExtension implements TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ProviderVerificationExtension.class);

  private record ClassState(Settings settings, List<Verification.Selected> interactions, HttpTransport transport) {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().getParameterCount() == 1
        && context.getRequiredTestMethod().getParameterTypes()[0] == ProviderTestContext.class;
  }

  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return false;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ClassState state = context.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> load(testClass),
        ClassState.class);
    if (state.interactions().isEmpty()) {
      throw new IllegalStateException("No interactions to verify for provider " + state.settings().provider
          + " in " + testClass.getSimpleName() + " (after the consumers filter)");
    }
    return state.interactions().stream().map(s -> invocation(state, s));
  }

  private static ClassState load(Class<?> testClass) {
    AccordProviderTest config = testClass.getAnnotation(AccordProviderTest.class);
    if (config == null) {
      throw new IllegalStateException(testClass.getSimpleName()
          + " uses ProviderVerificationExtension but is not annotated with @AccordProviderTest(provider = ...)");
    }
    Settings settings = new Settings();
    settings.provider = config.provider();
    settings.quiet = true;
    settings.requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
    for (String f : config.pactFiles()) {
      settings.sources.add(PactSource.file(Path.of(f)));
    }
    for (String d : config.pactDirectories()) {
      settings.sources.add(PactSource.directory(Path.of(d)));
    }
    for (String u : config.pactUrls()) {
      settings.sources.add(PactSource.url(u));
    }
    settings.consumerFilter.addAll(List.of(config.consumers()));
    if (settings.sources.isEmpty()) {
      throw new IllegalStateException("@AccordProviderTest on " + testClass.getSimpleName() + " names no pacts: set "
          + "pactFiles, pactDirectories or pactUrls");
    }
    HttpTransport transport = new HttpTransport(settings.requestTimeout);
    List<Verification.Selected> interactions = new Verification(settings, transport).select();
    return new ClassState(settings, interactions, transport);
  }

  private static TestTemplateInvocationContext invocation(ClassState state, Verification.Selected selected) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return selected.displayName();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new ParameterResolver() {
          @Override
          public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
            return pc.getParameter().getType() == ProviderTestContext.class;
          }

          @Override
          public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
            // one context per invocation, shared by @BeforeEach and the test method
            return ec.getStore(NAMESPACE).getOrComputeIfAbsent("context:" + ec.getUniqueId(),
                k -> new ProviderTestContext(state.settings(), selected, state.transport(), ec.getRequiredTestInstance()),
                ProviderTestContext.class);
          }
        });
      }
    };
  }
}
