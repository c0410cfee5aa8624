package dev.accord.broker.ui;

/** An unknown pacticipant, version or pact on a UI page: rendered as the 404 page, never a 500. */
final class PageNotFound extends RuntimeException {
  PageNotFound(String message) {
    super(message);
  }
}
