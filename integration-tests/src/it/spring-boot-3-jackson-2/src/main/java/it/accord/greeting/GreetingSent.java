package it.accord.greeting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The greeting.sent event; snake_case on the wire, as the application's own Jackson 2 writes it.
 */
public record GreetingSent(
    @JsonProperty("greeted_name") String greetedName, @JsonProperty("sent_at") Instant sentAt) {}
