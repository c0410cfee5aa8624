package dev.accord.verifier;

import dev.accord.pact.model.HttpRequest;

/**
 * Changes each request just before it is sent to the provider, typically to add or replace an
 * {@code Authorization} header the pact cannot know:
 *
 * <pre>{@code
 * .requestFilter(request -> request.withHeaders(Headers.with(request.headers(), "Authorization", "Bearer " + token)))
 * }</pre>
 *
 * Filters run in the order they were added, after generators have been applied.
 */
@FunctionalInterface
public interface RequestFilter {
  HttpRequest filter(HttpRequest request);
}
