package dev.accord.pact.matching;

/**
 * What part of a request, response or message did not match. {@link #key()} is the name the Pact
 * compatibility suite and other Pact tools use ({@code body-content-type}, ...).
 */
public enum MismatchType {
  METHOD("method"),
  PATH("path"),
  QUERY("query"),
  HEADER("header"),
  STATUS("status"),
  BODY("body"),
  BODY_CONTENT_TYPE("body-content-type"),
  METADATA("metadata");

  private final String key;

  MismatchType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
