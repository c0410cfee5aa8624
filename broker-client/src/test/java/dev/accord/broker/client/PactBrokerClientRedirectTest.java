package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.accord.broker.client.FakeBroker.hal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.accord.broker.client.http.LoopbackProxy;
import dev.accord.broker.client.internal.HalTransport;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GIVEN a broker (or a proxy in front of it) that redirects, WHEN the default client calls it, THEN
 * it follows redirects as java.net.http's Redirect.NORMAL did, keeps credentials to the broker's
 * origin, stops a loop with a message, and goes through an HTTP proxy.
 */
class PactBrokerClientRedirectTest {
  private final FakeBroker broker = new FakeBroker();
  private final FakeBroker other = new FakeBroker();

  @AfterEach
  void stop() {
    broker.close();
    other.close();
  }

  private HalTransport transport() {
    return broker.client().bearerToken("s3cret").build().transport();
  }

  @ParameterizedTest
  @CsvSource({"301", "302", "303", "307", "308"})
  void aGetIsFollowedOnEveryRedirect(int status) {
    broker.server.stubFor(
        get(urlEqualTo("/old"))
            .willReturn(aResponse().withStatus(status).withHeader("Location", "/new")));
    broker.server.stubFor(get(urlEqualTo("/new")).willReturn(hal(200, "{\"moved\":true}")));

    HalTransport.Response response = transport().get(broker.url() + "/old");

    assertThat(response.body().get("moved").asBoolean()).isTrue();
    assertThat(broker.server.findAll(getRequestedFor(urlEqualTo("/new"))))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer s3cret"));
  }

  @ParameterizedTest
  @CsvSource({"301, GET", "302, GET", "303, GET", "307, POST", "308, POST"})
  void aPostBecomesAGetWithoutBodyExceptOn307And308(int status, String method) {
    broker.server.stubFor(
        post(urlEqualTo("/old"))
            .willReturn(aResponse().withStatus(status).withHeader("Location", "/new")));
    broker.server.stubFor(any(urlEqualTo("/new")).willReturn(hal(201, "{}")));

    transport()
        .postIdempotent(
            broker.url() + "/old", HalTransport.object().put("a", 1), java.util.Map.of());

    List<LoggedRequest> followed = broker.server.findAll(anyRequestedFor(urlEqualTo("/new")));
    assertThat(followed)
        .singleElement()
        .satisfies(r -> assertThat(r.getMethod().getName()).isEqualTo(method));
    if (method.equals("POST")) {
      assertThat(followed.get(0).getBodyAsString()).isEqualTo("{\"a\":1}");
      assertThat(followed.get(0).getHeader("Content-Type")).isEqualTo("application/json");
    } else {
      assertThat(followed.get(0).getBodyAsString()).isEmpty();
      assertThat(followed.get(0).containsHeader("Content-Type")).isFalse();
    }
  }

  @Test
  void credentialsAreNotSentToAnotherOrigin() {
    broker.server.stubFor(
        get(urlEqualTo("/old"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", other.url() + "/elsewhere")));
    other.server.stubFor(get(urlEqualTo("/elsewhere")).willReturn(hal(200, "{}")));

    transport().get(broker.url() + "/old");

    assertThat(other.server.findAll(getRequestedFor(urlEqualTo("/elsewhere"))))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.containsHeader("Authorization")).isFalse();
              assertThat(r.getHeader("User-Agent")).startsWith("accord/");
            });
  }

  @Test
  void aRedirectLoopStopsAfterFiveAndIsNotRetried() {
    broker.server.stubFor(
        get(urlEqualTo("/loop"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    String url = broker.url() + "/loop";

    assertThatThrownBy(() -> transport().get(url))
        .isInstanceOf(BrokerException.class)
        .hasMessage(
            "GET "
                + url
                + " failed: it was redirected more than 5 times (the last time to "
                + url
                + "); is the broker, or a proxy in front of it, redirecting in a loop?\n"
                + "  Check the broker URL (--broker-base-url or PACT_BROKER_BASE_URL).");
    assertThat(broker.server.findAll(getRequestedFor(urlEqualTo("/loop")))).hasSize(6);
    assertThat(broker.sleeps).isEmpty();
  }

  @Test
  void aRedirectWithoutLocationIsTheAnswer() {
    broker.server.stubFor(get(urlEqualTo("/old")).willReturn(aResponse().withStatus(301)));
    String url = broker.url() + "/old";

    assertThatThrownBy(() -> transport().get(url))
        .isInstanceOf(BrokerException.class)
        .hasMessage("GET " + url + " failed: 301");
  }

  @Test
  void aGivenJavaNetHttpClientIsStillUsedWithItsOwnRedirectPolicy() {
    broker.server.stubFor(
        get(urlEqualTo("/old"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
    String url = broker.url() + "/old";
    HalTransport transport =
        broker.client().httpClient(HttpClient.newHttpClient()).build().transport();

    // Redirect.NEVER, the java.net.http default: the 302 is the answer
    assertThatThrownBy(() -> transport.get(url)).hasMessage("GET " + url + " failed: 302");
    assertThat(broker.server.findAll(getRequestedFor(urlEqualTo("/new")))).isEmpty();
  }

  @Test
  void anHttpProxyIsSentTheAbsoluteUrlOfTheBroker() throws Exception {
    // GIVEN a broker known by a name only the proxy resolves (here: every name is the fake broker)
    broker.server.stubFor(get(anyUrl()).willReturn(hal(200, "{\"_links\":{}}")));
    try (LoopbackProxy proxy = new LoopbackProxy(broker.server.port())) {
      PactBrokerClient client =
          broker.client().baseUrl("http://broker.internal:9292").proxies(proxy.selector()).build();

      // WHEN the client reads the index
      client.transport().index();

      // THEN the proxy was asked for it by its absolute URL
      assertThat(proxy.heads)
          .singleElement()
          .asString()
          .startsWith("GET http://broker.internal:9292/ HTTP/1.1\r\n");
    }
  }
}
