package dev.accord.broker.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page ({@code /error}): errors raised outside a controller (a filter, {@code
 * sendError}) in the broker's error shape, never Spring Boot's default body with its exception and
 * path fields.
 */
@RestController
class ServletErrors implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ServletErrors.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status >= 500 && failure instanceof Throwable t) {
      log.error(
          "Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    return ResponseEntity.status(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved)
        .contentType(MediaType.parseMediaType(ErrorBody.CONTENT_TYPE))
        .body(ErrorBody.of(List.of(ErrorBody.forStatus(status))));
  }
}
