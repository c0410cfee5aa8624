package dev.accord.broker.database;

import dev.accord.pact.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 503 with {@code Retry-After} and an {@code errors} body when a request failed because the
 * database cannot serve (unreachable, shut down, full disk); every other failure goes on to the
 * API's own error handling. The pool gives up on a connection after {@code
 * spring.datasource.hikari.connection-timeout}, so a client waits that long at most.
 */
@Component
class DatabaseOutage implements HandlerExceptionResolver, Ordered {
  static final int RETRY_AFTER_SECONDS = 5;
  static final String MESSAGE =
      "The broker's database is not available, so this request was not completed. "
          + "Retry in "
          + RETRY_AFTER_SECONDS
          + " seconds (publishing the same content again is safe); if it persists, the broker log names the cause "
          + "and GET /diagnostic/status/ready answers 503 until the database is back.";
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    return DatabaseFailures.outage(failure)
        .map(
            cause -> {
              log.warn(
                  "Database unavailable on {} {}: answered 503. Cause: {}",
                  request.getMethod(),
                  request.getRequestURI(),
                  cause.toString());
              try {
                response.resetBuffer();
                writeUnavailable(response);
              } catch (IOException | IllegalStateException e) {
                log.warn("Could not write the 503 answer: {}", e.toString());
              }
              return new ModelAndView();
            })
        .orElse(null);
  }

  static void writeUnavailable(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    response.setContentType("application/hal+json;charset=utf-8");
    response
        .getWriter()
        .write(Json.write(Json.toTree(Map.of("errors", Map.of("database", List.of(MESSAGE))))));
    response.getWriter().flush();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
