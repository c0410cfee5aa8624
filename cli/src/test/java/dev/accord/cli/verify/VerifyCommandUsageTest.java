package dev.accord.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifyCommandUsageTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new VerifyCommand());
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    return cmd.execute(args);
  }

  @Test
  void no_pact_source_is_a_usage_error_with_exit_code_2() {
    assertThat(run("--provider", "products-service", "--provider-base-url", "http://localhost:8080")).isEqualTo(2);
    assertThat(err.toString()).contains("No pacts to verify: give --pact-file, --pact-dir, --pact-url or --broker-url");
  }

  @Test
  void publish_without_a_provider_version_says_how_to_get_one() {
    assertThat(run("--provider", "p", "--provider-base-url", "http://localhost:8080", "--pact-file", "x.json",
        "--publish")).isEqualTo(2);
    assertThat(err.toString()).contains("--publish needs --provider-version (use the git SHA");
  }

  @Test
  void an_unknown_report_format_and_a_bad_base_url_are_usage_errors() {
    assertThat(run("--provider", "p", "--provider-base-url", "http://localhost:8080", "--pact-file", "x.json",
        "--report", "pdf")).isEqualTo(2);
    assertThat(err.toString()).contains("--report pdf: use junit, json or html");
    assertThat(run("--provider", "p", "--provider-base-url", "localhost:8080", "--pact-file", "x.json")).isEqualTo(2);
    assertThat(err.toString()).contains("baseUrl 'localhost:8080' must be an absolute http or https URL");
  }

  @Test
  void states_only_needs_a_state_change_url() {
    assertThat(run("--provider", "p", "--pact-file", "x.json", "--states-only")).isEqualTo(2);
    assertThat(err.toString()).contains("--states-only needs --state-change-url");
  }

  @Test
  void a_missing_pact_file_fails_with_exit_code_1_naming_the_file() {
    StringWriter out = new StringWriter();
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(stdout, true));
    try {
      assertThat(run("--provider", "p", "--provider-base-url", "http://127.0.0.1:9", "--pact-file",
          "does-not-exist.json")).isEqualTo(1);
    } finally {
      System.setOut(old);
    }
    assertThat(stdout.toString()).contains("does-not-exist.json does not exist or is not a file")
        .contains("0 of 0 interactions failed");
  }
}
