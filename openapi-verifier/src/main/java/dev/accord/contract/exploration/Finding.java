package dev.accord.contract.exploration;

/** A failed check at one step (0-based) of a sequence. */
record Finding(Check check, int step, String operation, String message) {

  /** What makes two failures the same one: the check and the operation it failed on. */
  String signature() {
    return check.id() + " " + operation;
  }
}
