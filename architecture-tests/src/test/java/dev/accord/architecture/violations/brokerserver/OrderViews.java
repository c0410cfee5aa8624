package dev.accord.architecture.violations.brokerserver;

import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/** Breaks the view rule: a view renders what services read, it opens no transaction. */
public class OrderViews {
  @Transactional(readOnly = true)
  public Map<String, Object> render(long id) {
    return Map.of("id", id);
  }
}
