import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import java.io.File;
import java.net.URI;
import java.util.List;

/**
 * pact-jvm 4.6.18's provider verifier over the generated pact, with its defaults (console reporter, Apache HTTP
 * client), driven as its Maven and Gradle plugins drive it: a ProviderInfo with the provider's URL and a state-change
 * URL, one consumer with a file source. Prints pact-jvm's output; the script counts the passed interactions in it.
 */
public class RunPactJvm {
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    ProviderInfo provider = new ProviderInfo("products-service");
    provider.setProtocol(base.getScheme());
    provider.setHost(base.getHost());
    provider.setPort(base.getPort());
    provider.setPath("/");
    provider.setStateChangeUrl(URI.create(args[0] + "/_pact/state").toURL());
    ConsumerInfo consumer = new ConsumerInfo("orders-service");
    consumer.setPactSource(new FileSource(new File(args[1])));
    provider.getConsumers().add(consumer);
    List<VerificationResult> results = new ProviderVerifier().verifyProvider(provider);
    long failed = results.stream().filter(r -> r instanceof VerificationResult.Failed).count();
    System.out.println("pact-jvm: " + results.size() + " result(s), " + failed + " failed");
    System.exit(failed == 0 && !results.isEmpty() ? 0 : 1);
  }
}
