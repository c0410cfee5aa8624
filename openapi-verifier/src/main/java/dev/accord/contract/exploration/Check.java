package dev.accord.contract.exploration;

/** What exploration checks at every step. */
public enum Check {
  /** The provider answered within the step's timeout (no timeout, no refused connection). */
  ANSWERS("answers", "the provider answers"),
  /** No 5xx status, ever. */
  NO_SERVER_ERROR("no_server_error", "no server error"),
  /** A resource a DELETE removed (2xx) answers 404 or 410 on GET afterwards, not 2xx. */
  DELETED_IS_GONE("deleted_is_gone", "a deleted resource is gone"),
  /** A resource just created (a 2xx whose response gave its id) answers 2xx on GET. */
  CREATED_IS_READABLE("created_is_readable", "a created resource is readable"),
  /** The status is documented for the operation and the body fits its schema. */
  RESPONSE_CONFORMS("response_conforms", "the response conforms to the document");

  private final String id;
  private final String title;

  Check(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** {@code deleted_is_gone}: how reports name it. */
  public String id() {
    return id;
  }

  /** {@code a deleted resource is gone}. */
  public String title() {
    return title;
  }
}
