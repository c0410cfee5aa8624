package dev.accord.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Code in the example docs is copied from compiled code: each block after
 * {@code <!-- snippet: path#tag -->} must equal the lines between {@code // tag::tag[]} and
 * {@code // end::tag[]} in that file (indentation removed). Fix a failure by copying the code again.
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void quickstartAndCiSnippetsAreTheCompiledCode() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String doc : List.of("docs/quickstart.md", "docs/ci.md")) {
      Matcher m = SNIPPET.matcher(Files.readString(ROOT.resolve(doc)));
      while (m.find()) {
        checked++;
        Path source = ROOT.resolve(m.group(1));
        if (!Files.exists(source)) {
          problems.add(doc + ": snippet source " + m.group(1) + " does not exist");
          continue;
        }
        String code = region(Files.readString(source), m.group(2));
        if (code == null) {
          problems.add(doc + ": no // tag::" + m.group(2) + "[] ... // end::" + m.group(2) + "[] in " + m.group(1));
        } else if (!code.equals(m.group(3))) {
          problems.add(doc + ": the snippet " + m.group(1) + "#" + m.group(2) + " differs from the code; it is now:\n"
              + code);
        }
      }
    }
    assertThat(problems).as("docs snippets out of date").isEmpty();
    assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(4);
  }

  private static String region(String source, String tag) {
    Matcher m = Pattern.compile("// tag::" + Pattern.quote(tag) + "\\[\\]\\n(.*?)\\n\\s*// end::" + Pattern.quote(tag)
        + "\\[\\]", Pattern.DOTALL).matcher(source);
    if (!m.find()) {
      return null;
    }
    List<String> lines = m.group(1).lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n")) + "\n";
  }
}
