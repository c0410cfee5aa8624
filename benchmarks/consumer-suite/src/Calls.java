package suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The consumer's client in the suite benchmark: one JDK HttpClient for the whole run, as an application keeps one. */
public final class Calls {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Calls() {}

  /** GETs a JSON document and fails unless the answer is 200. */
  public static void get(String url) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(url + ": " + response.statusCode() + " " + response.body());
    }
  }
}
