package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.Pact;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonJsonBodiesAndStatesTest {

  @TempDir Path dir;

  @Test
  void textFormAndBinaryBodiesKeepTheirContentTypeAndSeveralStatesKeepTheirOrder() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    try (Contract contract = Contract.between("c", "p").pactDirectory(dir).start()) {
      contract.test(
          "bodies",
          provider -> {
            provider
                .given("a user exists", Map.of("user", "u-1"))
                .and("the user has an avatar")
                .uponReceiving("an avatar upload as a form")
                .withRequest(POST, "/avatars")
                .body("name=me&size=8", "application/x-www-form-urlencoded")
                .willRespondWith(201)
                .body("created", "text/plain");
            provider
                .uponReceiving("an avatar download")
                .withRequest(GET, "/avatars/u-1")
                .header("X-Trace", fromProviderState("${trace}", "t-1"))
                .willRespondWith(200)
                .body(png, "image/png");

            var created =
                Http.send(
                    HttpRequest.newBuilder(URI.create(provider.url() + "/avatars"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=me&size=8"))
                        .build());
            var avatar = Http.get(provider.url() + "/avatars/u-1", "X-Trace", "t-1");

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).isEqualTo("created");
            assertThat(avatar.statusCode()).isEqualTo(200);
            assertThat(avatar.headers().firstValue("Content-Type")).contains("image/png");
          });
    }

    Pact pact = PactReader.read(dir.resolve("c-p.json"));
    HttpInteraction download = pact.httpInteractions().get(0);
    HttpInteraction upload = pact.httpInteractions().get(1);
    assertThat(upload.providerStates())
        .extracting(s -> s.name())
        .containsExactly("a user exists", "the user has an avatar");
    assertThat(upload.request().contentType())
        .map(ct -> ct.mediaType())
        .contains("application/x-www-form-urlencoded");
    assertThat(upload.request().body().asString()).isEqualTo("name=me&size=8");
    assertThat(upload.response().body().asString()).isEqualTo("created");
    assertThat(download.response().body().asBytes()).isEqualTo(png);
    assertThat(download.request().generators().category(Category.HEADER))
        .containsEntry(
            "X-Trace", new Generator.ProviderState("${trace}", Generator.DataType.STRING));
  }
}
