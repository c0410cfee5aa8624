import dev.accord.verifier.PactSource;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.VerificationReport;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Accord's verifier over the generated pact, through the public API; prints the summary line. */
public class RunAccord {
  public static void main(String[] args) {
    VerificationReport report = ProviderVerifier.forProvider("products-service")
        .baseUrl(args[0])
        .stateChangeUrl(args[0] + "/_pact/state")
        .pactsFrom(PactSource.file(Path.of(args[1])))
        .seed(1)
        .output(args.length > 2 ? System.out : new PrintStream(OutputStream.nullOutputStream()))
        .verify();
    System.out.println(report.summary());
    System.exit(report.passed() ? 0 : 1);
  }
}
