package dev.accord.compat.differential;

import dev.accord.compat.differential.DiffCase.Actual;
import dev.accord.compat.differential.DiffCase.Direction;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accord's verdict, in process: the case's pact read by {@link PactReader} and the actual request,
 * response or message matched by {@link Matching}, the engine the consumer mock, the verifier and
 * the stub use. The actual side is built as they build it from the wire: headers one value per
 * header line, the body as bytes with the {@code Content-Type} the sender gave.
 */
final class AccordJudge {
  private AccordJudge() {}

  static Verdict judge(DiffCase c) {
    Pact pact;
    try {
      pact =
          PactReader.read(
              DiffCase.pactFile(
                  c.spec(), c.spec() == 3 && c.direction() == Direction.MESSAGE, List.of(c)),
              c.id());
    } catch (RuntimeException e) {
      return Verdict.fail("the pact is refused: " + e.getMessage());
    }
    Interaction interaction = pact.interactions().get(0);
    Actual a = c.actual();
    List<Mismatch> mismatches =
        switch (c.direction()) {
          case REQUEST ->
              Matching.matchRequest(
                  ((HttpInteraction) interaction).request(),
                  new HttpRequest(a.method(), a.path(), query(a), headers(a), body(a), null, null));
          case RESPONSE ->
              Matching.matchResponse(
                  ((HttpInteraction) interaction).response(),
                  new HttpResponse(a.status(), headers(a), body(a), null, null));
          case MESSAGE ->
              Matching.matchMessage(
                  ((AsyncMessageInteraction) interaction).contents(),
                  new MessageContents(body(a), a.metadata(), null, null));
        };
    return mismatches.isEmpty()
        ? Verdict.pass()
        : Verdict.fail(String.join("; ", mismatches.stream().map(Mismatch::toString).toList()));
  }

  private static Map<String, List<String>> query(Actual a) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    a.query()
        .forEach(
            e -> q.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return q;
  }

  private static Map<String, List<String>> headers(Actual a) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    a.headers().forEach((k, v) -> h.put(k, List.of(v)));
    return h;
  }

  private static Body body(Actual a) {
    if (a.body() == null || a.body().length == 0) {
      return Body.empty();
    }
    String ct = a.contentType();
    return Body.bytes(a.body(), ct == null ? null : ContentType.parse(ct));
  }
}
