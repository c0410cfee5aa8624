package dev.accord.broker.ui;

import dev.accord.broker.webhook.WebhookQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /ui/webhooks}: every webhook with its recent deliveries and each HTTP attempt (status,
 * error, duration), so a team can see why a provider build did not start. Read-only; secrets never
 * reach this page ({@link WebhookQueries} does not expose them).
 */
@Controller
class WebhookPages {
  private static final int RECENT_ON_LIST = 5;
  private static final int RECENT_ON_DETAIL = 50;

  private final WebhookQueries webhooks;

  WebhookPages(WebhookQueries webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping({"/ui/webhooks", "/ui/webhooks/"})
  String list(Model model) {
    model.addAttribute("webhooks", webhooks.all(RECENT_ON_LIST));
    model.addAttribute("single", false);
    return "webhooks";
  }

  @GetMapping("/ui/webhooks/{uuid}")
  String one(@PathVariable String uuid, Model model) {
    var webhook =
        webhooks
            .byUuid(uuid, RECENT_ON_DETAIL)
            .orElseThrow(
                () ->
                    new PageNotFound(
                        "No webhook with UUID '"
                            + uuid
                            + "'. The list of webhooks is at /ui/webhooks."));
    model.addAttribute("webhooks", java.util.List.of(webhook));
    model.addAttribute("single", true);
    return "webhooks";
  }
}
