package dev.accord.compat.differential;

import java.util.regex.Pattern;

/**
 * A disagreement between Accord and the reference implementation that is understood: either an
 * Accord bug being fixed (the entry goes when the fix lands) or a place where the reference
 * implementation is wrong (documented in docs/compatibility.md with the specification's text).
 *
 * @param name a short name for reports
 * @param outcome which side passes: {@code "accord=PASS ref=FAIL"} or {@code "accord=FAIL
 *     ref=PASS"}
 * @param signature a regex found in the case's signature
 */
record KnownDisagreement(
    String name, String outcome, Pattern signature, Status status, String reason) {

  enum Status {
    ACCORD_BUG_BEING_FIXED("Accord bug, being fixed"),
    ACCORD_BUG_OPEN("Accord bug, open (no fix under way yet)"),
    REFERENCE_WRONG_DOCUMENTED("reference wrong, documented");

    final String words;

    Status(String words) {
      this.words = words;
    }
  }

  static KnownDisagreement accordBug(
      String name, String outcome, String signatureRegex, String reason) {
    return new KnownDisagreement(
        name, outcome, Pattern.compile(signatureRegex), Status.ACCORD_BUG_BEING_FIXED, reason);
  }

  static KnownDisagreement accordBugOpen(
      String name, String outcome, String signatureRegex, String reason) {
    return new KnownDisagreement(
        name, outcome, Pattern.compile(signatureRegex), Status.ACCORD_BUG_OPEN, reason);
  }

  static KnownDisagreement referenceWrong(
      String name, String outcome, String signatureRegex, String reason) {
    return new KnownDisagreement(
        name, outcome, Pattern.compile(signatureRegex), Status.REFERENCE_WRONG_DOCUMENTED, reason);
  }

  boolean covers(DiffCase c, Verdict accord) {
    String actualOutcome = accord.passed() ? "accord=PASS ref=FAIL" : "accord=FAIL ref=PASS";
    return outcome.contains(actualOutcome) && signature.matcher(c.signature()).find();
  }
}
