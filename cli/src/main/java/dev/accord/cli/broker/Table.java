package dev.accord.cli.broker;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row, columns separated by {@code |}, as the Pact CLI prints
 * them.
 */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    List<String> row = new ArrayList<>();
    for (String c : cells) {
      row.add(c == null ? "" : c);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(header, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-|-").append("-".repeat(widths[i]));
    }
    out.println(rule.toString().stripTrailing());
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        s.append(" | ");
      }
      s.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    return s.toString().stripTrailing();
  }
}
