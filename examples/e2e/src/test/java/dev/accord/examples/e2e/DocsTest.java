package dev.accord.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The Java in {@code docs/*.md} is code a stranger can paste:
 *
 * <ul>
 *   <li>every {@code ```java} block compiles as shown, imports included, against Accord's modules
 *       and the libraries the docs use (Spring Boot's test support, JUnit, AssertJ). A block that
 *       declares a class is compiled as a file; a block of methods or statements is compiled inside
 *       a class of its own, after its imports;
 *   <li>a block after {@code <!-- snippet: path#tag -->} equals the lines between {@code //
 *       tag::tag[]} and {@code // end::tag[]} in that file (indentation removed; several regions of
 *       one tag are joined); with {@code <!-- snippet: path#tag imports -->} the block starts with
 *       the file's package line and imports, then a blank line, then the region.
 * </ul>
 *
 * Fix a failure by copying the code again, or by completing the block (its imports, the fields it
 * uses).
 */
class DocsTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern JAVA_BLOCK =
      Pattern.compile(
          "(?:<!-- snippet: (\\S+)#(\\S+)( imports)? -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile(
          "^(?:public |final |abstract |sealed )*(?:class|record|interface|enum|@interface) (\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public (?:final |abstract |sealed )*(?:class|record|interface|enum|@interface) (\\w+)",
          Pattern.MULTILINE);

  record Block(String doc, int line, String source, String tag, boolean withImports, String code) {
    String where() {
      return doc + ":" + line;
    }
  }

  @Test
  void everyJavaBlockInTheDocsCompilesAsShown() throws IOException {
    for (String dir :
        List.of("consumer-dsl/target/test-classes", "compatibility-tests/target/test-classes")) {
      assertThat(ROOT.resolve(dir))
          .as("%s: build that module's tests first (the reactor does: mvn verify)", dir)
          .isDirectory();
    }
    List<Block> blocks = blocks();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> problems = new ArrayList<>();
    for (Block block : blocks) {
      String error = compile(javac, block);
      if (error != null) {
        problems.add(
            block.where()
                + ": the Java block does not compile as shown; complete it (imports, the fields it"
                + " uses) or fix the API call:\n"
                + error);
      }
    }
    assertThat(problems).as("docs Java blocks that do not compile").isEmpty();
    assertThat(blocks.stream().map(Block::doc).distinct())
        .as("docs with Java blocks")
        .contains("docs/consumer.md", "docs/provider.md", "docs/quickstart.md");
    System.out.println("DocsTest: " + blocks.size() + " Java blocks in docs/*.md compiled");
  }

  @Test
  void everySnippetIsTheTaggedRegionOfCompiledCode() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Block block : blocks()) {
      if (block.source() == null) {
        continue;
      }
      checked++;
      Path source = ROOT.resolve(block.source());
      if (!Files.exists(source)) {
        problems.add(block.where() + ": snippet source " + block.source() + " does not exist");
        continue;
      }
      String text = Files.readString(source);
      String code = region(text, block.tag());
      if (code == null) {
        problems.add(
            block.where()
                + ": no // tag::"
                + block.tag()
                + "[] ... // end::"
                + block.tag()
                + "[] in "
                + block.source());
        continue;
      }
      String expected = block.withImports() ? imports(text) + "\n" + code : code;
      if (!expected.equals(block.code())) {
        problems.add(
            block.where()
                + ": the snippet "
                + block.source()
                + "#"
                + block.tag()
                + " differs from the code; it is now:\n"
                + expected);
      }
    }
    assertThat(problems).as("docs snippets out of date").isEmpty();
    assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(10);
  }

  private static List<Block> blocks() throws IOException {
    List<Path> docs;
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      docs =
          files
              .filter(p -> p.toString().endsWith(".md"))
              .sorted(Comparator.naturalOrder())
              .toList();
    }
    List<Block> blocks = new ArrayList<>();
    for (Path doc : docs) {
      String text = Files.readString(doc);
      Matcher m = JAVA_BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start(4)).chars().filter(c -> c == '\n').count() + 1;
        blocks.add(
            new Block(
                "docs/" + doc.getFileName(),
                line,
                m.group(1),
                m.group(2),
                m.group(3) != null,
                m.group(4)));
      }
    }
    return blocks;
  }

  /**
   * Null when the block compiles; else the compiler's errors for the reading that came closest. A
   * block is tried as a file (when it declares a type), as members of a class, and as statements of
   * a method, each after its imports.
   */
  private static String compile(JavaCompiler javac, Block block) throws IOException {
    String code = block.code();
    int split = headerEnd(code);
    String header = code.substring(0, split);
    String body = code.substring(split);
    List<String> readings = new ArrayList<>();
    if (TYPE_DECLARATION.matcher(code).find()) {
      readings.add(code);
    }
    readings.add(header + "class DocBlock {\n" + body + "\n}\n");
    readings.add(
        header + "class DocBlock {\nvoid block() throws Exception {\n" + body + "\n}\n}\n");
    String closest = null;
    for (String reading : readings) {
      String errors = compileUnit(javac, reading);
      if (errors == null) {
        return null;
      }
      if (closest == null || errors.lines().count() < closest.lines().count()) {
        closest = errors;
      }
    }
    return closest;
  }

  /** Where the package and import lines (and the blank lines and comments among them) end. */
  private static int headerEnd(String code) {
    int end = 0;
    int pos = 0;
    for (String line : code.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("import ") || t.startsWith("package ")) {
        end = pos + line.length() + 1;
      } else if (!(t.isEmpty() || t.startsWith("//"))) {
        break;
      }
      pos += line.length() + 1;
    }
    return Math.min(end, code.length());
  }

  private static String compileUnit(JavaCompiler javac, String code) throws IOException {
    Matcher publicType = PUBLIC_TYPE.matcher(code);
    String name = publicType.find() ? publicType.group(1) : "DocBlock";
    Path dir = Files.createTempDirectory("accord-docs-block");
    try {
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, code);
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        List<String> options =
            List.of(
                "-proc:none",
                "-d",
                dir.resolve("classes").toString(),
                "-classpath",
                classpath(),
                "-implicit:none",
                "-Xlint:none",
                "-nowarn");
        Files.createDirectories(dir.resolve("classes"));
        boolean ok =
            javac
                .getTask(
                    new StringWriter(),
                    files,
                    diagnostics,
                    options,
                    null,
                    files.getJavaFileObjects(file.toFile()))
                .call();
        if (ok) {
          return null;
        }
      }
      return diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .limit(5)
          .map(
              d ->
                  "  line "
                      + d.getLineNumber()
                      + ": "
                      + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")
                      + lineOf(code, d.getLineNumber()))
          .collect(Collectors.joining("\n"));
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String lineOf(String code, long line) {
    String[] lines = code.split("\n", -1);
    return line >= 1 && line <= lines.length ? "\n      " + lines[(int) line - 1].strip() : "";
  }

  /**
   * This test's classpath, plus the compiled test examples that docs/consumer.md shows
   * (consumer-dsl's) and the compatibility suite's runner that docs/compatibility.md shows; the
   * reactor builds both before this module.
   */
  private static String classpath() {
    return System.getProperty("java.class.path")
        + File.pathSeparator
        + ROOT.resolve("consumer-dsl/target/test-classes")
        + File.pathSeparator
        + ROOT.resolve("compatibility-tests/target/test-classes");
  }

  /** The file's package line and import lines, as they stand. */
  private static String imports(String source) {
    List<String> header =
        source.lines().filter(l -> l.startsWith("import ") || l.startsWith("package ")).toList();
    return header.get(0)
        + "\n\n"
        + header.stream().skip(1).collect(Collectors.joining("\n"))
        + "\n";
  }

  /**
   * The lines between {@code // tag::tag[]} and {@code // end::tag[]}, every such region in turn;
   * null if none.
   */
  private static String region(String source, String tag) {
    Matcher m =
        Pattern.compile(
                "// tag::"
                    + Pattern.quote(tag)
                    + "\\[\\]\\n(.*?)\\n\\s*// end::"
                    + Pattern.quote(tag)
                    + "\\[\\]",
                Pattern.DOTALL)
            .matcher(source);
    List<String> lines = new ArrayList<>();
    while (m.find()) {
      lines.addAll(m.group(1).lines().toList());
    }
    if (lines.isEmpty()) {
      return null;
    }
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
            .map(l -> l.isBlank() ? "" : l.substring(indent))
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
