package dev.accord.verifier;

/** Report files a verification can write besides its console output. */
public enum ReportFormat {
  /** {@code TEST-accord-<provider>.xml}, the JUnit XML CI servers read. */
  JUNIT("xml"),
  /** {@code accord-<provider>.json}, every result and failure, for tooling. */
  JSON("json"),
  /** {@code accord-<provider>.html}, one self-contained page (no external CSS or scripts). */
  HTML("html");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
