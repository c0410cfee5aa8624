package dev.accord.broker.ui.usage;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /ui/providers/{provider}/usage}: the usage map, filtered by {@code ?q=} (endpoint or
 * field).
 */
@Controller
class UsageController {
  private final UsageService usages;

  UsageController(UsageService usages) {
    this.usages = usages;
  }

  @GetMapping("/ui/providers/{provider}/usage")
  ModelAndView usage(
      @PathVariable String provider, @RequestParam(name = "q", required = false) String q) {
    Optional<UsageService.Result> result = usages.usage(provider);
    ModelAndView page = new ModelAndView("usage");
    page.addObject("provider", provider);
    page.addObject("q", q == null ? "" : q.trim());
    if (result.isEmpty()) {
      page.setStatus(HttpStatus.NOT_FOUND);
      page.addObject("notFound", true);
      return page;
    }
    ProviderUsage all = result.get().usage();
    page.addObject("notFound", false);
    page.addObject("all", all);
    page.addObject("usage", all.filter(q));
    page.addObject("sources", result.get().sources());
    return page;
  }
}
