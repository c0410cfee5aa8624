package dev.accord.broker.security;

import dev.accord.broker.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication, off unless configured. A read-write user/token may do anything; a read-only one
 * may read and may POST to {@code /pacts/provider/P/for-verification}; with public read, reads need
 * no credentials. Secrets are compared in constant time and never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AuthFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);
  private static final Pattern FOR_VERIFICATION =
      Pattern.compile("^/pacts/provider/[^/]+/for-verification/?$");

  private enum Access {
    NONE,
    READ,
    WRITE
  }

  private final String username;
  private final String password;
  private final String readOnlyUsername;
  private final String readOnlyPassword;
  private final String token;
  private final String readOnlyToken;
  private final boolean publicRead;
  private final boolean enabled;

  AuthFilter(
      Environment env, @Value("${accord.broker.auth.allow-public-read:false}") boolean publicRead) {
    this.username = credential(env, "username");
    this.password = credential(env, "password");
    this.readOnlyUsername = credential(env, "read-only-username");
    this.readOnlyPassword = credential(env, "read-only-password");
    this.token = credential(env, "token");
    this.readOnlyToken = credential(env, "read-only-token");
    pair("username", username, "password", password);
    pair("read-only-username", readOnlyUsername, "read-only-password", readOnlyPassword);
    this.publicRead = publicRead;
    this.enabled =
        !username.isEmpty()
            || !readOnlyUsername.isEmpty()
            || !token.isEmpty()
            || !readOnlyToken.isEmpty();
    log.info(
        "Authentication: {}",
        enabled
            ? "on (read-write user: "
                + (username.isEmpty() ? "none" : "'" + username + "'")
                + ", read-only user: "
                + (readOnlyUsername.isEmpty() ? "none" : "'" + readOnlyUsername + "'")
                + ", read-write token: "
                + (token.isEmpty() ? "no" : "yes")
                + ", read-only token: "
                + (readOnlyToken.isEmpty() ? "no" : "yes")
                + ", public read: "
                + publicRead
                + ")"
            : "off: the broker is open to anyone who can reach it (set accord.broker.auth.* to protect it)");
  }

  /**
   * A credential that is absent leaves that way of signing in off; one that is set but blank (an
   * unset variable in a deployment template) refuses to start, because the operator meant to
   * protect the broker.
   */
  private static String credential(Environment env, String name) {
    String property = "accord.broker.auth." + name;
    String value = env.getProperty(property);
    if (value == null) {
      return "";
    }
    if (value.isBlank()) {
      throw refuse(
          property
              + " is set but empty ("
              + envName(property)
              + "). Give it a value, or remove the setting to leave "
              + "that way of signing in off.");
    }
    return value;
  }

  private static void pair(String userName, String user, String passwordName, String password) {
    if (!user.isEmpty() && password.isEmpty()) {
      throw refuse(
          "accord.broker.auth."
              + userName
              + " is set but accord.broker.auth."
              + passwordName
              + " is not ("
              + envName("accord.broker.auth." + passwordName)
              + "). Set a password for the user, or remove the user.");
    }
    if (user.isEmpty() && !password.isEmpty()) {
      throw refuse(
          "accord.broker.auth."
              + passwordName
              + " is set but accord.broker.auth."
              + userName
              + " is not ("
              + envName("accord.broker.auth." + userName)
              + "). Set the user the password belongs to, or remove the password.");
    }
  }

  private static String envName(String property) {
    return "env " + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static IllegalStateException refuse(String why) {
    String message = "The broker refuses to start with half-set authentication: " + why;
    log.error(message);
    return new IllegalStateException(message);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!enabled) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read =
        switch (request.getMethod()) {
          case "GET", "HEAD", "OPTIONS" -> true;
          case "POST" -> FOR_VERIFICATION.matcher(path).matches();
          default -> false;
        };
    if ("/diagnostic/status/heartbeat".equals(path) || "/diagnostic/status/ready".equals(path)) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader("Authorization");
    Access access = access(header);
    if (access == Access.NONE && header == null && read && publicRead) {
      chain.doFilter(request, response);
      return;
    }
    if (access == Access.NONE) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Accord broker\"");
      String why =
          header == null ? "No credentials were sent." : "The credentials sent were not accepted.";
      ErrorBody.write(
          response,
          401,
          "Authentication required: "
              + why
              + " Send basic auth (pact broker -u USER -p PASSWORD, or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD) or a bearer token (-k "
              + "TOKEN, or PACT_BROKER_TOKEN).");
      return;
    }
    if (access == Access.READ && !read) {
      ErrorBody.write(
          response,
          403,
          "Forbidden: these credentials are read-only and cannot "
              + request.getMethod()
              + " "
              + path
              + ". Use the read-write user or token for publishing and recording deployments.");
      return;
    }
    chain.doFilter(request, response);
  }

  private Access access(String header) {
    if (header == null) {
      return Access.NONE;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = header.substring(7).trim();
      if (!token.isEmpty() && same(t, token)) {
        return Access.WRITE;
      }
      if (!readOnlyToken.isEmpty() && same(t, readOnlyToken)) {
        return Access.READ;
      }
      return Access.NONE;
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Access.NONE;
      }
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      String pass = colon < 0 ? "" : decoded.substring(colon + 1);
      if (!username.isEmpty() && same(user, username) && same(pass, password)) {
        return Access.WRITE;
      }
      if (!readOnlyUsername.isEmpty()
          && same(user, readOnlyUsername)
          && same(pass, readOnlyPassword)) {
        return Access.READ;
      }
    }
    return Access.NONE;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
