package dev.accord.pact.model;

import java.util.Objects;

/** A participant in a pact: the consumer or the provider, by name. */
public record Pacticipant(String name) {
  public Pacticipant {
    Objects.requireNonNull(name, "name");
  }

  public static Pacticipant of(String name) {
    return new Pacticipant(name);
  }
}
