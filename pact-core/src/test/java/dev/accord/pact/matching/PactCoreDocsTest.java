package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java blocks of docs/pact-core.md are, after their imports, the tagged regions of a test that runs them. */
class PactCoreDocsTest {

  private static final Path DOC = Path.of("..", "docs", "pact-core.md");
  private static final Path SOURCE = Path.of("src", "test", "java", "dev", "accord", "pact", "matching",
      "RuleEngineLibraryExampleTest.java");
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void everyJavaBlockIsCopiedFromTheExampleTest() throws Exception {
    String doc = Files.readString(DOC);
    String source = Files.readString(SOURCE);
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
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
    return sb.toString().strip();
  }
}
