package dev.accord.broker.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accord.broker.client.LazyDefaultTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIVEN a real socket server answering with scripted bytes, WHEN the client sends requests, THEN it
 * writes them exactly, reads every kind of response framing, reuses kept-alive connections,
 * replaces connections the server closed, retries nothing that may have reached the server, and
 * names the method, URL and cause of each failure.
 */
class Http1ClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Http1Client client = new Http1Client(TIMEOUT);
  private Server server;

  @AfterEach
  void stop() throws IOException {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sendsTheMethodHeadersAndBodyExactlyAsGiven() throws Exception {
    server = new Server(ok("done"));
    Http1Client.Response response =
        client.send(
            "PATCH",
            server.url("/items/1?q=a%20b"),
            headers(
                "Host", List.of("provider.example"),
                "Connection", List.of("keep-alive"),
                "X-Multi", List.of("one", "two"),
                "Content-Length", List.of("999"),
                "Content-Type", List.of("application/json")),
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("done");
    assertThat(server.requests.get(0))
        .isEqualTo(
            "PATCH /items/1?q=a%20b HTTP/1.1\r\n"
                + "Host: provider.example\r\n"
                + "Connection: keep-alive\r\n"
                + "X-Multi: one\r\n"
                + "X-Multi: two\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 7\r\n"
                + "\r\n"
                + "{\"a\":1}");
  }

  @Test
  void sendsAnyTokenAsTheMethodAndAddsHostWhenAbsent() throws Exception {
    server = new Server(ok(""), ok(""));
    client.send("PROPFIND", server.url(""), Map.of(), null);
    client.send("POST", server.url("/empty"), Map.of(), null);

    assertThat(server.requests.get(0))
        .isEqualTo("PROPFIND / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n");
    assertThat(server.requests.get(1)).contains("Content-Length: 0\r\n");
  }

  @Test
  void refusesWhatHttpCannotCarry() {
    assertThatThrownBy(
            () -> client.send("GET /x", URI.create("http://127.0.0.1:1/"), Map.of(), null))
        .hasMessageStartingWith("'GET /x' is not an HTTP method");
    assertThatThrownBy(
            () ->
                client.send(
                    "GET",
                    URI.create("http://127.0.0.1:1/"),
                    headers("X-Bad", List.of("a\r\nInjected: yes")),
                    null))
        .hasMessage(
            "GET http://127.0.0.1:1/: the value of header X-Bad holds a line break or NUL, which"
                + " HTTP/1.1 cannot carry");
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailers() throws Exception {
    server =
        new Server(
            raw(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                    + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"),
            ok("next"));
    Http1Client.Response response = client.send("GET", server.url("/chunked"), Map.of(), null);
    Http1Client.Response next = client.send("GET", server.url("/next"), Map.of(), null);

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
    assertThat(response.headers().get("content-type")).containsExactly("text/plain");
    assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("next");
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void readsABodyDelimitedByTheConnectionsCloseAndThenConnectsAgain() throws Exception {
    server = new Server(raw("HTTP/1.1 200 OK\r\n\r\nuntil the end").thenClose(), ok("again"));
    Http1Client.Response response = client.send("GET", server.url("/stream"), Map.of(), null);
    Http1Client.Response again = client.send("GET", server.url("/again"), Map.of(), null);

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("until the end");
    assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("again");
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void headNoContentNotModifiedAndInterimResponsesHaveNoBody() throws Exception {
    server =
        new Server(
            raw("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"),
            raw("HTTP/1.1 204 No Content\r\n\r\n"),
            raw("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"),
            raw(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"));

    assertThat(client.send("HEAD", server.url("/h"), Map.of(), null).body()).isEmpty();
    assertThat(client.send("DELETE", server.url("/d"), Map.of(), null).status()).isEqualTo(204);
    assertThat(client.send("GET", server.url("/n"), Map.of(), null).status()).isEqualTo(304);
    Http1Client.Response created =
        client.send(
            "POST", server.url("/c"), headers("Expect", List.of("100-continue")), new byte[] {1});
    assertThat(created.status()).isEqualTo(201);
    assertThat(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    assertThat(server.requests.get(3)).contains("Expect: 100-continue\r\n");
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void keepsOneConnectionAliveUnlessTheServerSaysClose() throws Exception {
    server =
        new Server(
            ok("1"),
            ok("2"),
            raw("HTTP/1.1 200 OK\r\nConnection: close\r\n" + "Content-Length: 1\r\n\r\n3"),
            ok("4"));
    for (int i = 0; i < 4; i++) {
      client.send("GET", server.url("/" + i), Map.of(), null);
    }

    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void replacesAPooledConnectionTheServerClosedWhileItWasIdle() throws Exception {
    server = new Server(ok("first").thenClose(), ok("second"));
    client.send("GET", server.url("/1"), Map.of(), null);
    // the server closed without saying so; the client finds out before it writes the next request
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Http1Client.STALE_CHECK_AFTER_NANOS) + 100);
    Http1Client.Response second = client.send("GET", server.url("/2"), Map.of(), null);

    assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(server.connections.get()).isEqualTo(2);
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void doesNotRetryARequestTheServerReadWithoutAnswering() throws Exception {
    server = new Server(Action.NO_ANSWER, ok("never"));
    URI url = server.url("/once");

    assertThatThrownBy(() -> client.send("POST", url, Map.of(), new byte[] {1}))
        .hasMessage(
            "POST "
                + url
                + ": no complete response (the server closed the connection without a response)");
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void anIdempotentRequestOnAConnectionTheServerClosedAsItWentOutIsSentAgainOnANewOne()
      throws Exception {
    // GIVEN a kept-alive connection that the server closes after reading the next request, before
    // any byte of an answer (a keep-alive timeout racing the request), well within the time a
    // pooled connection is reused unchecked
    server = new Server(ok("first"), Action.NO_ANSWER, ok("second"));
    client.send("GET", server.url("/1"), Map.of(), null);

    // WHEN the next request is a GET
    Http1Client.Response second = client.send("GET", server.url("/2"), Map.of(), null);

    // THEN it is sent once more on a new connection
    assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(server.requests).hasSize(3);
    assertThat(server.requests.get(2)).startsWith("GET /2 HTTP/1.1\r\n");
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void aPostOnAConnectionTheServerClosedAsItWentOutIsNotSentAgain() throws Exception {
    // GIVEN the same race, for a POST the server may have acted on
    server = new Server(ok("first"), Action.NO_ANSWER, ok("never"));
    client.send("GET", server.url("/1"), Map.of(), null);
    URI url = server.url("/orders");

    // WHEN / THEN it fails, sent once
    assertThatThrownBy(() -> client.send("POST", url, Map.of(), new byte[] {1}))
        .hasMessage(
            "POST "
                + url
                + ": no complete response (the server closed the connection without a response)");
    assertThat(server.requests).hasSize(2);
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void aGetAnsweredInPartOnAReusedConnectionIsNotSentAgain() throws Exception {
    // GIVEN a reused connection that returns part of an answer, then closes
    server =
        new Server(
            ok("first"), raw("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf").thenClose());
    client.send("GET", server.url("/1"), Map.of(), null);
    URI url = server.url("/2");

    // WHEN / THEN the failure is the exchange's: bytes came back, so it was no stale connection
    assertThatThrownBy(() -> client.send("GET", url, Map.of(), null))
        .hasMessage(
            "GET "
                + url
                + ": no complete response (the server closed the connection after 4 of 10 body"
                + " bytes)");
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void aResponseNotCompleteWithinTheTimeoutTimesOut() throws Exception {
    Http1Client quick = new Http1Client(Duration.ofMillis(300));
    server = new Server(raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"));
    URI url = server.url("/slow");

    assertThatThrownBy(() -> quick.send("GET", url, Map.of(), null))
        .isInstanceOf(Http1Client.TimedOut.class)
        .hasMessage("GET " + url + " timed out after 300 ms");
  }

  @Test
  void aServerThatStopsReadingTimesOutTheWriteAndLeavesNoThreadBehind() throws Exception {
    Http1Client quick = new Http1Client(Duration.ofMillis(300));
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket deaf = new ServerSocket()) {
      // a small receive window, so that the client's writes block soon
      deaf.setReceiveBufferSize(4096);
      deaf.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  // accepts, and never reads a byte
                  accepted.add(deaf.accept());
                } catch (IOException e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      URI url = URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/upload");
      byte[] body = new byte[8 * 1024 * 1024];

      // a guard against a hang, not a measurement: the exchange ends about 300 ms in
      Throwable thrown =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> catchThrowable(() -> quick.send("POST", url, Map.of(), body)));

      assertThat(thrown)
          .isInstanceOf(Http1Client.TimedOut.class)
          .hasMessage("POST " + url + " timed out after 300 ms");
      assertThat(accepted).hasSize(1);
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
    // no thread is left writing; the deadline thread ends once no exchange is in flight
    assertThat(threadsIn(Http1Client.class.getName()))
        .allMatch(t -> t.getName().equals(Http1Client.DEADLINE_THREAD));
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (threadNamed(Http1Client.DEADLINE_THREAD) && System.nanoTime() < giveUp) {
      Thread.sleep(50);
    }
    assertThat(threadNamed(Http1Client.DEADLINE_THREAD)).isFalse();
  }

  @Test
  void anExchangeInTimeLeavesItsConnectionPooled() throws Exception {
    Http1Client quick = new Http1Client(Duration.ofMillis(300));
    server = new Server(ok("1"), ok("2"));
    quick.send("GET", server.url("/1"), Map.of(), null);
    // longer than the timeout: the first exchange's deadline must not close the pooled connection
    Thread.sleep(400);
    quick.send("GET", server.url("/2"), Map.of(), null);

    assertThat(server.connections.get()).isEqualTo(1);
    quick.close();
  }

  @Test
  void aListenerThatCompletesNoHandshakeIsAConnectTimeout() throws Exception {
    // Linux drops a SYN while a listener's accept queue is full; other systems may refuse instead
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
    Http1Client quick = new Http1Client(Duration.ofMillis(300));
    List<Socket> queued = new ArrayList<>();
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", full.getLocalPort());
      // fill the queue (backlog 1 holds two) until a connect attempt is no longer answered
      boolean filled = false;
      for (int i = 0; i < 10 && !filled; i++) {
        Socket s = new Socket();
        queued.add(s);
        try {
          s.connect(address, 200);
        } catch (SocketTimeoutException e) {
          filled = true;
        }
      }
      assertThat(filled).as("the accept queue of a listener with backlog 1 filled up").isTrue();
      URI url = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/x");

      assertThatThrownBy(() -> quick.send("GET", url, Map.of(), null))
          .isInstanceOfSatisfying(
              Http1Client.ConnectFailed.class,
              e -> assertThat(e.reason()).isEqualTo("connection timed out after 300 ms"))
          .hasMessage(
              "Could not connect to http://127.0.0.1:"
                  + full.getLocalPort()
                  + " (connection timed out after 300 ms)");
    } finally {
      for (Socket s : queued) {
        s.close();
      }
    }
  }

  @Test
  void aResponseBodyOverTheLimitFailsInsteadOfFillingTheHeap() throws Exception {
    Http1Client capped = new Http1Client(TIMEOUT, SSLContext.getDefault(), 1024 * 1024);
    server =
        new Server(
            Action.ENDLESS_CHUNKS,
            raw("HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n"),
            new Action(
                "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                true,
                new byte[1024 * 1024 + 1]),
            raw(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "80000\r\n"
                    + "x".repeat(0x80000)
                    + "\r\n80000\r\n"
                    + "y".repeat(0x80000)
                    + "\r\n0\r\n\r\n"));
    String tooLarge =
        "the response body is larger than 1 MiB%s, the most this client reads into memory; a"
            + " provider's answer to a pact request should be far smaller (does it stream without"
            + " end?)";
    URI endless = server.url("/endless");
    URI declared = server.url("/declared");
    URI untilClose = server.url("/until-close");
    URI exactly = server.url("/exactly");

    assertThatThrownBy(() -> capped.send("GET", endless, Map.of(), null))
        .hasMessage("GET " + endless + ": " + tooLarge.formatted(""));
    assertThatThrownBy(() -> capped.send("GET", declared, Map.of(), null))
        .hasMessage("GET " + declared + ": " + tooLarge.formatted(" (Content-Length 2000000)"));
    assertThatThrownBy(() -> capped.send("GET", untilClose, Map.of(), null))
        .hasMessage("GET " + untilClose + ": " + tooLarge.formatted(""));
    assertThat(capped.send("GET", exactly, Map.of(), null).body()).hasSize(1024 * 1024);
    capped.close();
  }

  @Test
  void nothingListeningIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/x");

    assertThatThrownBy(() -> client.send("GET", url, Map.of(), null))
        .isInstanceOfSatisfying(
            Http1Client.ConnectFailed.class,
            e -> assertThat(e.reason()).isEqualTo("connection refused"))
        .hasMessage("Could not connect to http://127.0.0.1:" + port + " (connection refused)");
  }

  @Test
  void speaksTlsWithTheContextGivenAndChecksTheServersName(@TempDir Path dir) throws Exception {
    SSLContext[] contexts = selfSignedLocalhost(dir);
    SSLContext serverTls = contexts[0];
    SSLContext clientTls = contexts[1];
    server = new Server(serverTls.getServerSocketFactory(), ok("secret"), ok("again"), ok("x"));
    URI url = URI.create("https://localhost:" + server.port() + "/tls");

    Http1Client trusting = new Http1Client(TIMEOUT, clientTls);
    assertThat(new String(trusting.send("GET", url, Map.of(), null).body())).isEqualTo("secret");
    assertThat(trusting.send("GET", url, Map.of(), null).status()).isEqualTo(200);
    assertThat(server.connections.get()).isEqualTo(1);
    // the JVM's default trust does not know the server's self-signed certificate
    assertThatThrownBy(() -> client.send("GET", url, Map.of(), null))
        .hasMessageStartingWith(
            "TLS handshake with https://localhost:" + server.port() + " failed (");
    trusting.close();
  }

  /**
   * A server context with a self-signed certificate for localhost, and a client one trusting it.
   */
  static SSLContext[] selfSignedLocalhost(Path dir) throws Exception {
    char[] password = "changeit".toCharArray();
    Path keystore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(keytoolOutput).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trust.getTrustManagers(), null);
    return new SSLContext[] {serverTls, clientTls};
  }

  // ---- through a proxy --------------------------------------------------------------------------

  @Test
  void plainHttpGoesToTheProxyWithTheAbsoluteUrlAndKeepsTheConnection() throws Exception {
    // GIVEN a proxy in front of the server, and a client told to use it
    server = new Server(ok("via proxy"), ok("again"));
    try (LoopbackProxy proxy = new LoopbackProxy(server.port())) {
      Http1Client proxied = proxied(proxy, new LazyDefaultTls());

      // WHEN two requests are sent to a host only the proxy knows
      URI url = URI.create("http://broker.example:9292/pacts?q=a%20b");
      Http1Client.Response first = proxied.send("GET", url, Map.of(), null);
      proxied.send("GET", url, Map.of(), null);

      // THEN both go to the proxy, on one connection, with the absolute URL as their target
      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("via proxy");
      assertThat(server.requests)
          .containsExactly(
              "GET http://broker.example:9292/pacts?q=a%20b HTTP/1.1\r\n"
                  + "Host: broker.example:9292\r\n\r\n",
              "GET http://broker.example:9292/pacts?q=a%20b HTTP/1.1\r\n"
                  + "Host: broker.example:9292\r\n\r\n");
      assertThat(proxy.heads).hasSize(1);
      proxied.close();
    }
  }

  @Test
  void httpsGoesThroughATunnelThatCarriesTheProxyCredentials(@TempDir Path dir) throws Exception {
    // GIVEN a TLS server behind a proxy
    SSLContext[] tls = selfSignedLocalhost(dir);
    server = new Server(tls[0].getServerSocketFactory(), ok("secret"), ok("again"));
    try (LoopbackProxy proxy = new LoopbackProxy(server.port())) {
      Http1Client proxied = proxied(proxy, tls[1]);
      URI url = URI.create("https://localhost:" + server.port() + "/tls");

      // WHEN two requests carry a Proxy-Authorization header
      Map<String, List<String>> headers =
          headers("Proxy-Authorization", List.of("Basic cHJveHk6c2VjcmV0"));
      Http1Client.Response first = proxied.send("GET", url, headers, null);
      proxied.send("GET", url, headers, null);

      // THEN the proxy is asked once for a tunnel, with the credentials, and the server (inside
      // TLS) sees the requests without them
      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("secret");
      String authority = "localhost:" + server.port();
      assertThat(proxy.heads)
          .containsExactly(
              "CONNECT "
                  + authority
                  + " HTTP/1.1\r\nHost: "
                  + authority
                  + "\r\nProxy-Authorization: Basic cHJveHk6c2VjcmV0\r\n\r\n");
      assertThat(server.requests)
          .containsExactly(
              "GET /tls HTTP/1.1\r\nHost: " + authority + "\r\n\r\n",
              "GET /tls HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      proxied.close();
    }
  }

  @Test
  void aTunnelTheProxyRefusesIsAConnectFailureNamingItsAnswer() throws Exception {
    server = new Server();
    try (LoopbackProxy proxy =
        new LoopbackProxy(server.port())
            .refuseTunnelsWith("HTTP/1.1 407 Proxy Authentication Required")) {
      Http1Client proxied = proxied(proxy, new LazyDefaultTls());
      URI url = URI.create("https://broker.example/pacts");

      assertThatThrownBy(() -> proxied.send("GET", url, Map.of(), null))
          .isInstanceOf(Http1Client.ConnectFailed.class)
          .hasMessage(
              "Could not connect to https://broker.example (the proxy 127.0.0.1:"
                  + proxy.port()
                  + " refused a tunnel to broker.example:443: HTTP/1.1 407 Proxy Authentication"
                  + " Required (give its credentials with a Proxy-Authorization header))");
      assertThat(server.connections.get()).isZero();
    }
  }

  @Test
  void aProxyThatIsNotListeningIsAConnectFailureNamingIt() throws Exception {
    LoopbackProxy gone = new LoopbackProxy(1);
    gone.close();
    Http1Client proxied = proxied(gone, new LazyDefaultTls());
    URI url = URI.create("http://broker.example:9292/");

    assertThatThrownBy(() -> proxied.send("GET", url, Map.of(), null))
        .isInstanceOf(Http1Client.ConnectFailed.class)
        .hasMessage(
            "Could not connect to http://broker.example:9292 (connection refused by the proxy"
                + " 127.0.0.1:"
                + gone.port()
                + ")");
  }

  private static Http1Client proxied(LoopbackProxy proxy, SSLContext tls) {
    return new Http1Client(
        TIMEOUT, TIMEOUT, tls, Http1Client.DEFAULT_MAX_BODY_BYTES, proxy.selector());
  }

  // ---- a scripted server ------------------------------------------------------------------------

  private static Map<String, List<String>> headers(Object... namesAndValues) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) namesAndValues[i + 1];
      map.put((String) namesAndValues[i], values);
    }
    return map;
  }

  private static Action ok(String body) {
    return raw("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
  }

  private static Action raw(String response) {
    return new Action(response.getBytes(StandardCharsets.ISO_8859_1), false, null);
  }

  private static List<Thread> threadsIn(String className) {
    List<Thread> found = new ArrayList<>();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith(className)
                    && thread != Thread.currentThread()) {
                  found.add(thread);
                  return;
                }
              }
            });
    return found;
  }

  private static boolean threadNamed(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals(name));
  }

  /**
   * What the server does with the next request: write these bytes (and {@code more}, if any), then
   * maybe close.
   */
  private record Action(byte[] response, boolean close, byte[] more) {
    static final Action NO_ANSWER = new Action(null, true, null);

    /** A chunked response whose chunks never end (until the client goes away). */
    static final Action ENDLESS_CHUNKS =
        new Action(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            true,
            null);

    Action thenClose() {
      return new Action(response, true, more);
    }
  }

  /**
   * Accepts connections; reads each request (head and Content-Length body) and plays the script.
   */
  private static final class Server implements AutoCloseable {
    final ServerSocket socket;
    final BlockingQueue<Action> script = new LinkedBlockingQueue<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    Server(Action... actions) throws IOException {
      this(ServerSocketFactory.getDefault(), actions);
    }

    Server(ServerSocketFactory factory, Action... actions) throws IOException {
      socket = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      script.addAll(List.of(actions));
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s));
                    t.setDaemon(true);
                    t.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + port() + path);
    }

    private void serve(Socket s) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (true) {
          String request = readRequest(in);
          if (request == null) {
            return;
          }
          requests.add(request);
          Action action = script.poll(5, TimeUnit.SECONDS);
          if (action == null || action.response() == null) {
            return;
          }
          out.write(action.response());
          if (action.more() != null) {
            out.write(action.more());
          }
          if (action == Action.ENDLESS_CHUNKS) {
            byte[] chunk = ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes();
            while (true) {
              out.write(chunk);
            }
          }
          out.flush();
          if (action.close()) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }

    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        head.write(c);
        byte[] b = head.toByteArray();
        int n = b.length;
        if (n >= 4
            && b[n - 4] == '\r'
            && b[n - 3] == '\n'
            && b[n - 2] == '\r'
            && b[n - 1] == '\n') {
          break;
        }
      }
      if (head.size() == 0) {
        return null;
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
