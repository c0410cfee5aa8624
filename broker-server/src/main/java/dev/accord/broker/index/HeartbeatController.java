package dev.accord.broker.index;

import dev.accord.broker.web.Hal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HeartbeatController {
  @GetMapping("/diagnostic/status/heartbeat")
  ResponseEntity<Map<String, Object>> heartbeat() {
    return Hal.ok(Map.of("ok", true));
  }
}
