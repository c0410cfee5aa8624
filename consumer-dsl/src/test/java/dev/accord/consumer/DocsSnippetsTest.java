package dev.accord.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every snippet of docs/consumer.md is the tagged region of a compiled test, word for word; so is every Java
 * block of docs/pact-core.md after its imports (the regions of pact-core's RuleEngineLibraryExampleTest).
 */
class DocsSnippetsTest {

  private static final Path DOC = Path.of("..", "docs", "consumer.md");
  private static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "accord", "consumer", "examples");
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)\\n```",
      Pattern.DOTALL);

  @Test
  void everyDocumentedSnippetIsCopiedFromATest() throws Exception {
    String doc = Files.readString(DOC);
    Matcher m = SNIPPET.matcher(doc);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String source = Files.readString(EXAMPLES.resolve(m.group(1)));
      assertThat(m.group(3)).as("snippet %s#%s of %s", m.group(1), m.group(2), DOC)
          .isEqualTo(region(source, m.group(2)));
      checked.add(m.group(1) + "#" + m.group(2));
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void everyJavaBlockOfThePactCorePageIsCopiedFromItsExampleTest() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "pact-core.md"));
    String source = Files.readString(Path.of("..", "pact-core", "src", "test", "java", "dev", "accord", "pact",
        "matching", "RuleEngineLibraryExampleTest.java"));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1).replaceAll("(?m)^import [^\\n]*;\\n", "").strip());
    }
    assertThat(blocks).containsExactly(region(source, "check"), region(source, "paths"));
  }

  private static String region(String source, String tag) {
    int start = source.indexOf("// tag::" + tag + "[]");
    int end = source.indexOf("// end::" + tag + "[]");
    assertThat(start).as("tag %s", tag).isNotNegative();
    String[] lines = source.substring(source.indexOf('\n', start) + 1, end).stripTrailing().split("\n");
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
