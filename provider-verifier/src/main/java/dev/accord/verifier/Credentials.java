package dev.accord.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate when fetching pacts over HTTP: none, basic ({@code Credentials.basic("user",
 * "pw")}) or a bearer token ({@code Credentials.bearer(token)}).
 */
public final class Credentials {
  private static final Credentials NONE = new Credentials(null, "none");

  private final String authorization;
  private final String kind;

  private Credentials(String authorization, String kind) {
    this.authorization = authorization;
    this.kind = kind;
  }

  public static Credentials none() {
    return NONE;
  }

  public static Credentials basic(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Credentials("Basic " + token, "basic auth as " + username);
  }

  public static Credentials bearer(String token) {
    Objects.requireNonNull(token, "token");
    return new Credentials("Bearer " + token, "bearer token");
  }

  /** The {@code Authorization} header value, if any. */
  public Optional<String> authorizationHeader() {
    return Optional.ofNullable(authorization);
  }

  /** Says which kind of credentials without revealing them. */
  @Override
  public String toString() {
    return kind;
  }
}
