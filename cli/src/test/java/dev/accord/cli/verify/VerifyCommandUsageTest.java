package dev.accord.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.AccordCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VerifyCommandUsageTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "verify";
    System.arraycopy(args, 0, full, 1, args.length);
    return AccordCommand.run(
        new AccordCommand(), new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  @Test
  void noPactSourceIsAUsageErrorWithExitCode2() {
    assertThat(
            run("--provider", "products-service", "--provider-base-url", "http://localhost:8080"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("No pacts to verify: give --pact-file, --pact-dir, --pact-url or --broker-url");
  }

  @Test
  void publishWithoutAProviderVersionSaysHowToGetOne() {
    assertThat(
            run(
                "--provider",
                "p",
                "--provider-base-url",
                "http://localhost:8080",
                "--broker-url",
                "http://localhost:9292",
                "--publish"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--publish needs --provider-version (use the git SHA");
  }

  @Test
  void anUnknownReportFormatABadBaseUrlAndABadSelectorAreUsageErrors() {
    assertThat(
            run(
                "--provider",
                "p",
                "--provider-base-url",
                "http://localhost:8080",
                "--pact-file",
                "x.json",
                "--report",
                "pdf"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--report pdf: use junit, json or html");
    assertThat(
            run(
                "--provider",
                "p",
                "--provider-base-url",
                "localhost:8080",
                "--pact-file",
                "x.json"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("baseUrl 'localhost:8080' must be an absolute http or https URL");
    assertThat(
            run(
                "--provider",
                "p",
                "--provider-base-url",
                "http://localhost:8080",
                "--broker-url",
                "http://localhost:9292",
                "--include-wip-pacts-since",
                "last week"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--include-wip-pacts-since 'last week' is not a date: use YYYY-MM-DD");
  }

  @Test
  void statesOnlyNeedsAStateChangeUrl() {
    assertThat(run("--provider", "p", "--pact-file", "x.json", "--states-only")).isEqualTo(2);
    assertThat(err.toString()).contains("--states-only needs --state-change-url");
  }

  @Test
  void aMissingPactFileFailsWithExitCode1NamingTheFile() {
    assertThat(
            run(
                "--provider",
                "p",
                "--provider-base-url",
                "http://127.0.0.1:9",
                "--pact-file",
                "does-not-exist.json"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("does-not-exist.json does not exist or is not a file");
  }
}
