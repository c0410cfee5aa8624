package dev.accord.broker.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What attempt logs show of a request: secrets replaced, everything else as sent. */
class WebhookSenderTest {
  @Test
  void loggedUrlsHidePasswordsAndSecretQueryValues() {
    assertThat(
            WebhookSender.redactUrl("https://ci.example.com/build?token=abc&job=api&API_KEY=k1#x"))
        .isEqualTo("https://ci.example.com/build?token=**********&job=api&API_KEY=**********#x");
    assertThat(WebhookSender.redactUrl("https://bot:hunter2@ci.example.com/build"))
        .isEqualTo("https://bot:**********@ci.example.com/build");
    assertThat(WebhookSender.redactUrl("https://ci.example.com/build/Web?version=1"))
        .isEqualTo("https://ci.example.com/build/Web?version=1");
  }

  @Test
  void loggedHeadersHideCredentialsAndTokens() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer x");
    headers.put("X-Gitlab-Token", "t");
    headers.put("Set-Cookie", "s=1");
    headers.put("Content-Type", "application/json");
    assertThat(WebhookSender.redact(headers))
        .containsExactly(
            Map.entry("Authorization", "**********"),
            Map.entry("X-Gitlab-Token", "**********"),
            Map.entry("Set-Cookie", "**********"),
            Map.entry("Content-Type", "application/json"));
  }
}
