package dev.accord.broker.matrix;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /matrix} (what {@code pact broker can-i-deploy} and {@code can-i-merge} call) and {@code
 * /can-i-deploy}.
 */
@RestController
class MatrixController {
  private final MatrixService service;
  private final MatrixViews views;
  private final PacticipantService pacticipants;

  MatrixController(MatrixService service, MatrixViews views, PacticipantService pacticipants) {
    this.service = service;
    this.views = views;
    this.pacticipants = pacticipants;
  }

  @GetMapping("/matrix")
  ResponseEntity<?> matrix(HttpServletRequest request) {
    MatrixQuery q = MatrixQuery.parse(request.getQueryString());
    return respond(service.answer(q), q.limit(), request);
  }

  @GetMapping("/matrix/provider/{provider}/consumer/{consumer}")
  ResponseEntity<?> integration(
      @PathVariable String provider, @PathVariable String consumer, HttpServletRequest request) {
    Pacticipant p = pacticipants.require(provider);
    Pacticipant c = pacticipants.require(consumer);
    MatrixQuery q =
        MatrixQuery.parse(
            "q[][pacticipant]=" + enc(c.getName()) + "&q[][pacticipant]=" + enc(p.getName()));
    return respond(service.answer(q), q.limit(), request);
  }

  /**
   * Single-selector shortcut: {@code ?pacticipant=Foo&version=1&environment=production} (or {@code
   * to=TAG}).
   */
  @GetMapping("/can-i-deploy")
  ResponseEntity<?> canIDeploy(
      @RequestParam(name = "pacticipant", required = false) String pacticipant,
      @RequestParam(name = "version", required = false) String version,
      @RequestParam(name = "environment", required = false) String environment,
      @RequestParam(name = "to", required = false) String to,
      HttpServletRequest request) {
    if (pacticipant == null || version == null) {
      throw ApiException.badRequest(
          "Give pacticipant and version: /can-i-deploy?pacticipant=Foo&version=<git sha>&environment=production");
    }
    if (environment == null && to == null) {
      throw ApiException.badRequest(
          "Give the destination: environment=<name> (or the legacy to=<tag>)");
    }
    StringBuilder query =
        new StringBuilder("q[][pacticipant]=" + enc(pacticipant) + "&q[][version]=" + enc(version));
    if (environment != null) {
      query.append("&environment=").append(enc(environment)).append("&latestby=cvpv");
    } else {
      query.append("&tag=").append(enc(to)).append("&latestby=cvp");
    }
    String[] ignores = request.getParameterValues("ignore[]");
    if (ignores != null) {
      for (String ignore : ignores) {
        query.append("&ignore[][pacticipant]=").append(enc(ignore));
      }
    }
    MatrixQuery q = MatrixQuery.parse(query.toString());
    return respond(service.answer(q), q.limit(), request);
  }

  private ResponseEntity<?> respond(
      MatrixService.Answer answer, int limit, HttpServletRequest request) {
    DeployDecision decision = answer.decision();
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/plain") && !accept.contains("json")) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
          .body(views.text(decision, limit));
    }
    return Hal.ok(views.jsonBytes(decision, answer.labels(), limit));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
