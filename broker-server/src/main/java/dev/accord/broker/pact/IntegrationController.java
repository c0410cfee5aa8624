package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /integrations}. */
@RestController
class IntegrationController {
  private final PublicationService publications;
  private final PacticipantViews pacticipantViews;
  private final Links links;

  IntegrationController(
      PublicationService publications, PacticipantViews pacticipantViews, Links links) {
    this.publications = publications;
    this.pacticipantViews = pacticipantViews;
    this.links = links;
  }

  @GetMapping("/integrations")
  public ResponseEntity<Map<String, Object>> integrations() {
    var items =
        publications.integrationEntries().stream()
            .map(
                i -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("consumer", pacticipantViews.summary(i.consumer()));
                  m.put("provider", pacticipantViews.summary(i.provider()));
                  m.put("createdAt", Hal.timestamp(i.createdAt()));
                  return m;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("integrations", items));
    body.put("_links", Map.of("self", link(links.url("/integrations"), "Integrations")));
    return Hal.ok(body);
  }
}
