package dev.accord.compat.differential;

/** One side's answer for a case: did the actual match the pact, and if not, what that side said. */
record Verdict(boolean passed, String detail) {
  static Verdict pass() {
    return new Verdict(true, "");
  }

  static Verdict fail(String detail) {
    return new Verdict(false, detail);
  }

  String word() {
    return passed ? "PASS" : "FAIL";
  }
}
