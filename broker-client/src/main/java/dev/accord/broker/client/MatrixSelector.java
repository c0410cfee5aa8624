package dev.accord.broker.client;

/**
 * One pacticipant version (or set of versions) in a can-i-deploy question, as in the matrix's
 * {@code q[]} selectors.
 *
 * <pre>{@code
 * MatrixSelector.of("orders-service").withVersion(gitSha)
 * MatrixSelector.of("products-service").withLatest()           // latest version
 * MatrixSelector.of("products-service").withLatestTag("prod")  // latest version tagged prod
 * }</pre>
 *
 * @param pacticipant the application's name
 * @param version an exact version number, or null
 * @param latest the latest version (with {@code tag} or {@code branch}: the latest with it)
 * @param tag a tag, or null
 * @param branch a branch, or null
 * @param mainBranch versions of the pacticipant's main branch
 */
public record MatrixSelector(
    String pacticipant,
    String version,
    boolean latest,
    String tag,
    String branch,
    boolean mainBranch) {

  public MatrixSelector {
    if (pacticipant == null || pacticipant.isBlank()) {
      throw new IllegalArgumentException(
          "A matrix selector needs a pacticipant name (--pacticipant)");
    }
  }

  /** A selector for the pacticipant with no version yet: add one with a {@code with*} method. */
  public static MatrixSelector of(String pacticipant) {
    return new MatrixSelector(pacticipant, null, false, null, null, false);
  }

  public MatrixSelector withVersion(String version) {
    return new MatrixSelector(pacticipant, version, latest, tag, branch, mainBranch);
  }

  public MatrixSelector withLatest() {
    return new MatrixSelector(pacticipant, version, true, tag, branch, mainBranch);
  }

  public MatrixSelector withLatestTag(String tag) {
    return new MatrixSelector(pacticipant, version, true, tag, branch, mainBranch);
  }

  public MatrixSelector withTag(String tag) {
    return new MatrixSelector(pacticipant, version, latest, tag, branch, mainBranch);
  }

  public MatrixSelector withBranch(String branch) {
    return new MatrixSelector(pacticipant, version, latest, tag, branch, mainBranch);
  }

  public MatrixSelector withMainBranch() {
    return new MatrixSelector(pacticipant, version, latest, tag, branch, true);
  }

  /** For people: {@code orders-service version 1a2b3c}, {@code products-service latest}. */
  public String describe() {
    StringBuilder s = new StringBuilder(pacticipant);
    if (version != null) {
      s.append(" version ").append(version);
    }
    if (latest) {
      s.append(" latest");
    }
    if (tag != null) {
      s.append(" tag ").append(tag);
    }
    if (branch != null) {
      s.append(" branch ").append(branch);
    }
    if (mainBranch) {
      s.append(" main branch");
    }
    return s.toString();
  }
}
