package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What every refused request must look like: the status, hal+json, an {@code errors} body, and no
 * internals.
 */
final class Refusals {
  /** Class, package and library names that must never reach a client. */
  static final Pattern INTERNAL =
      Pattern.compile(
          "tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.apache|org\\.hibernate|dev\\.accord\\."
              + "|java\\.|jakarta\\.|Exception|StreamReadConstraints|JsonReadFeature|\\.java:\\d+");

  private Refusals() {}

  /**
   * A response as read from the wire, for requests {@link java.net.http.HttpClient} refuses to
   * send.
   */
  record Raw(int status, String contentType, String body) {}

  static JsonNode assertRefused(HttpResponse<String> r, int status) {
    return assertRefused(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), status);
  }

  static JsonNode assertRefused(Raw r, int status) {
    return assertRefused(r.status(), r.contentType(), r.body(), status);
  }

  private static JsonNode assertRefused(
      int actualStatus, String contentType, String body, int status) {
    assertThat(actualStatus).as("status of a refused request, body: %s", body).isEqualTo(status);
    assertThat(contentType.toLowerCase(Locale.ROOT).replace(" ", ""))
        .as("Content-Type of %s", body)
        .isEqualTo("application/hal+json;charset=utf-8");
    assertThat(INTERNAL.matcher(body).find()).as("internal names in %s", body).isFalse();
    JsonNode json = Json.parse(body);
    assertThat(json.has("errors")).as("an errors member in %s", body).isTrue();
    return json.get("errors");
  }

  /** The first error sentence, or the first sentence of the first field. */
  static String firstError(JsonNode errors) {
    JsonNode first = errors.isArray() ? errors.get(0) : errors.iterator().next().get(0);
    return first.asString();
  }

  /**
   * Sends {@code METHOD target HTTP/1.1} as written, with extra header lines, and reads the whole
   * answer.
   */
  static Raw raw(String baseUrl, String method, String target, String... headerLines) {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request =
          new StringBuilder(
              method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\n");
      for (String h : headerLines) {
        request.append(h).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text =
          all.toString(StandardCharsets.ISO_8859_1); // one char per byte until the body is decoded
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      String contentType = "";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring(13).trim();
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
            && line.toLowerCase(Locale.ROOT).contains("chunked")) {
          body = unchunk(body);
        }
      }
      return new Raw(
          status,
          contentType,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not send "
              + method
              + " "
              + target.substring(0, Math.min(80, target.length()))
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int nl = body.indexOf("\r\n", i);
      if (nl < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, nl).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, nl + 2, Math.min(body.length(), nl + 2 + size));
      i = nl + 2 + size + 2;
    }
    return out.toString();
  }
}
