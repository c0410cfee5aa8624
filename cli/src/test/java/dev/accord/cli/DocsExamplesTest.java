package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every {@code accord ...} line in the shell blocks of docs/cli.md must parse: flags cannot rot.
 */
class DocsExamplesTest {

  @Test
  void everyExampleInTheCliGuideParses() throws IOException {
    Path doc = Path.of("..", "docs", "cli.md");
    List<String> examples = new ArrayList<>();
    boolean inShell = false;
    String continued = null;
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("```")) {
        inShell = line.equals("```shell");
        continued = null;
        continue;
      }
      // a line ending with a backslash goes on in the next one, as in a shell
      String text =
          continued != null
              ? continued + " " + line.strip()
              : line.startsWith("accord ") ? line : null;
      if (!inShell || text == null) {
        continue;
      }
      if (text.endsWith("\\")) {
        continued = text.substring(0, text.length() - 1).strip();
        continue;
      }
      continued = null;
      int comment = text.indexOf(" #");
      examples.add((comment < 0 ? text : text.substring(0, comment)).strip());
    }
    assertThat(examples).hasSizeGreaterThan(20);
    for (String example : examples) {
      String[] args = split(example.substring("accord ".length()));
      assertThatCode(
              () ->
                  AccordCommand.commandLine(new AccordCommand(Map.of(), Path.of("."), d -> {}))
                      .parseArgs(args))
          .as(example)
          .doesNotThrowAnyException();
    }
  }

  /** Splits like a shell: quotes group words, $(...) becomes one placeholder word. */
  private static String[] split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        int close = line.indexOf(')', i);
        word.append("substituted");
        inWord = true;
        i = close;
      } else if (c == '\'' || c == '"') {
        int close = line.indexOf(c, i + 1);
        word.append(line, i + 1, close);
        inWord = true;
        i = close;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
