package dev.accord.broker.pact;

/**
 * Identity of stored pact content without its (possibly large) JSON: what the matrix and selection
 * need.
 */
public record ContentRef(Long id, String sha) {
  public Long getId() {
    return id;
  }

  public String getSha() {
    return sha;
  }
}
