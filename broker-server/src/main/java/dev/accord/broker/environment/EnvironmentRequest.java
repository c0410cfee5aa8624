package dev.accord.broker.environment;

import dev.accord.broker.web.Fields;
import dev.accord.broker.web.ServedName;
import dev.accord.broker.web.Text;
import dev.accord.pact.json.Json;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /environments} and {@code PUT /environments/{uuid}}, as {@code pact
 * broker create-environment} sends it.
 */
record EnvironmentRequest(
    @ServedName
        @Pattern(regexp = "\\S*", message = "contains a space; use a dash instead, e.g. pre-prod")
        String name,
    @Text(max = Fields.NAME) String displayName,
    Boolean production,
    List<@Valid Contact> contacts) {

  /**
   * A team to call about the environment: a name and free-form details (email, Slack channel, ...).
   */
  record Contact(
      @NotBlank(message = "is missing; every contact needs a name, e.g. Team A") String name,
      JsonNode details) {}

  EnvironmentService.Fields fields() {
    ArrayNode stored = Json.nodes().arrayNode();
    for (Contact c : contacts == null ? List.<Contact>of() : contacts) {
      ObjectNode o = stored.addObject().put("name", c.name());
      if (c.details() != null && !c.details().isNull()) {
        o.set("details", c.details());
      }
    }
    return new EnvironmentService.Fields(
        name,
        displayName,
        Boolean.TRUE.equals(production),
        stored.isEmpty() ? null : Json.write(stored));
  }
}
