package dev.accord.broker.ui;

import dev.accord.broker.web.Hal;
import java.time.Duration;
import java.time.LocalDateTime;

/** "3 hours ago", for timestamps stored as UTC. */
final class Ages {
  private Ages() {}

  static String ago(LocalDateTime utc) {
    if (utc == null) {
      return "";
    }
    long s = Math.max(0, Duration.between(utc, Hal.now()).getSeconds());
    if (s < 45) {
      return "just now";
    }
    if (s < 90) {
      return "a minute ago";
    }
    if (s < 3600) {
      return plural(Math.round(s / 60.0), "minute");
    }
    if (s < 86400) {
      return plural(Math.round(s / 3600.0), "hour");
    }
    if (s < 86400L * 45) {
      return plural(Math.round(s / 86400.0), "day");
    }
    if (s < 86400L * 365) {
      return plural(Math.round(s / (86400.0 * 30)), "month");
    }
    return plural(Math.round(s / (86400.0 * 365)), "year");
  }

  private static String plural(long n, String unit) {
    return n == 1
        ? (unit.equals("hour") ? "an hour ago" : "a " + unit + " ago")
        : n + " " + unit + "s ago";
  }
}
