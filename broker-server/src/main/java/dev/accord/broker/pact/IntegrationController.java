package dev.accord.broker.pact;

import static dev.accord.broker.web.Links.link;

import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.pacticipant.PacticipantViews;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /integrations}. */
@RestController
class IntegrationController {
  private final PublicationService publications;
  private final PacticipantService pacticipants;
  private final PacticipantViews pacticipantViews;
  private final Links links;

  IntegrationController(PublicationService publications, PacticipantService pacticipants, PacticipantViews pacticipantViews, Links links) {
    this.publications = publications;
    this.pacticipants = pacticipants;
    this.pacticipantViews = pacticipantViews;
    this.links = links;
  }

  @GetMapping("/integrations")
  @Transactional(readOnly = true)
  public ResponseEntity<Map<String, Object>> integrations() {
    var items = publications.integrations().stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("consumer", pacticipantViews.summary(pacticipants.byId(i.getConsumerId())));
      m.put("provider", pacticipantViews.summary(pacticipants.byId(i.getProviderId())));
      m.put("createdAt", Hal.timestamp(i.getCreatedAt()));
      return m;
    }).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_embedded", Map.of("integrations", items));
    body.put("_links", Map.of("self", link(links.url("/integrations"), "Integrations")));
    return Hal.ok(body);
  }
}
