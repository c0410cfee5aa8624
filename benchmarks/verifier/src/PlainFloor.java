import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The floor: a plain JDK HttpClient making the same 3 requests per interaction (setup, request, teardown). */
public class PlainFloor {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    int n = Integer.parseInt(args[1]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < n; i++) {
      String state = "{\"state\":\"a product exists\",\"params\":{\"id\":" + i + ",\"name\":\"product " + i + "\"},\"action\":\"";
      client.send(HttpRequest.newBuilder(URI.create(base + "/_pact/state")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(state + "setup\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
      client.send(HttpRequest.newBuilder(URI.create(base + "/products/" + i)).header("Accept", "application/json")
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      client.send(HttpRequest.newBuilder(URI.create(base + "/_pact/state")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(state + "teardown\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
    System.out.println(n * 3 + " requests sent");
  }
}
