import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * pact-jvm 4.6.18's JUnit 5 provider test over the generated pact, as its users write one: one test template, the
 * provider's URL as an {@link HttpTestTarget}, and in-process {@link State} methods for the state's set-up and
 * teardown instead of a state-change URL (so it sends one request per interaction where the other legs send three:
 * the comparison favours pact-jvm). Run by the JUnit Platform's console launcher in one JVM, as Surefire runs a test
 * class; the pact is read from {@code pacts/} in the working directory; the provider's URL from -DproviderBase.
 */
@Provider("products-service")
@PactFolder("pacts")
public class PactJvmJUnit5Test {
  @BeforeEach
  void target(PactVerificationContext context) {
    URI base = URI.create(System.getProperty("providerBase"));
    context.setTarget(new HttpTestTarget(base.getHost(), base.getPort()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State("a product exists")
  void productExists(Map<String, Object> params) {
    if (!params.containsKey("id")) {
      throw new IllegalStateException("the state has no id parameter: " + params);
    }
  }

  @State(value = "a product exists", action = StateChangeAction.TEARDOWN)
  void productRemoved(Map<String, Object> params) {}
}
