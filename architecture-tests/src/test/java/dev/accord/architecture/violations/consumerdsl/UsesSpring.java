package dev.accord.architecture.violations.consumerdsl;

import org.springframework.util.StringUtils;

/** Breaks "the libraries users add bring no Spring". */
public final class UsesSpring {
  private UsesSpring() {}

  public static boolean blank(String value) {
    return !StringUtils.hasText(value);
  }
}
