package dev.accord.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GIVEN products-service's provider test, run by Surefire with the reporter setting
 * docs/provider.md gives, THEN its XML report (what CI servers show) names each test case after its
 * interaction, not {@code honoursThePact(...)[1]}. products-service's tests run before this
 * module's in the reactor.
 */
class ReportNamesTest {
  private static final Path REPORT =
      Path.of(
          "../products-service/target/surefire-reports/"
              + "TEST-dev.accord.examples.products.ProductsContractTest.xml");

  @Test
  void providerTestCasesAreNamedAfterTheirInteractionsInSurefireXml() throws IOException {
    assertThat(REPORT)
        .as("run examples/products-service's tests first (the reactor does)")
        .exists();
    List<String> names =
        Pattern.compile("<testcase name=\"([^\"]*)\"")
            .matcher(Files.readString(REPORT))
            .results()
            .map(m -> m.group(1))
            .toList();

    // Surefire joins the template method's display name and the invocation's: "<method>
    // <interaction>"
    assertThat(names)
        .hasSize(4)
        .contains(
            "honoursThePact(ProviderTestContext) orders-service \u00b7 an order.placed event",
            "honoursThePact(ProviderTestContext) orders-service \u00b7 a request for a product [given a product exists]")
        .noneMatch(n -> n.endsWith("]") && n.matches(".*\\[\\d+]$"));
  }
}
