package dev.accord.broker.database;

import dev.accord.broker.web.Hal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The readiness probe: 200 when the broker can use its database, 503 with {@code Retry-After} when
 * it cannot. A load balancer routes by this one; {@code /diagnostic/status/heartbeat} stays the
 * liveness probe (the process answers).
 */
@RestController
class ReadinessController {
  static final int VALIDATION_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(ReadinessController.class);
  private final DataSource dataSource;
  private final AtomicBoolean wasReady = new AtomicBoolean(true);

  ReadinessController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @GetMapping("/diagnostic/status/ready")
  ResponseEntity<Map<String, Object>> ready() {
    String problem;
    try (Connection c = dataSource.getConnection()) {
      if (c.isValid(VALIDATION_SECONDS)) {
        if (wasReady.compareAndSet(false, true)) {
          log.info("Ready again: the database answers");
        }
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType("application/hal+json;charset=utf-8"))
            .body(Hal.ordered("ok", true, "database", "ok"));
      }
      problem = "it did not answer a validation query within " + VALIDATION_SECONDS + " s";
    } catch (SQLException e) {
      problem = "no connection within spring.datasource.hikari.connection-timeout";
      if (wasReady.get()) {
        log.warn("Not ready: {}", e.toString());
      }
    }
    if (wasReady.compareAndSet(true, false)) {
      log.warn(
          "Not ready: the broker cannot use its database ({}); answering 503 on /diagnostic/status/ready",
          problem);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put(
        "errors",
        Map.of(
            "database",
            List.of(
                "The broker cannot use its database ("
                    + problem
                    + "); it is alive (see /diagnostic/status/heartbeat) and will be ready again by itself when the database is back.")));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
        .contentType(MediaType.parseMediaType("application/hal+json;charset=utf-8"))
        .body(body);
  }
}
