package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked without a Docker engine: the compose file parses and matches the image and
 * the application.
 */
class DockerComposeConfigTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheBrokerImageOnPostgresWithThePropertiesTheApplicationReads() throws Exception {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> broker = (Map<String, Object>) services.get("broker");
    Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
    assertThat((String) postgres.get("image")).isEqualTo("postgres:16");
    assertThat((List<String>) postgres.get("volumes"))
        .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
    assertThat(broker.get("build")).isEqualTo(".");
    assertThat((List<String>) broker.get("ports")).containsExactly("9292:9292");
    Map<String, String> env = (Map<String, String>) broker.get("environment");
    Map<String, String> pgEnv = (Map<String, String>) postgres.get("environment");
    assertThat(env.get("SPRING_DATASOURCE_URL"))
        .isEqualTo("jdbc:postgresql://postgres:5432/" + pgEnv.get("POSTGRES_DB"));
    assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(pgEnv.get("POSTGRES_USER"));
    assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(pgEnv.get("POSTGRES_PASSWORD"));

    Properties app = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      app.load(in);
    }
    // Spring maps a property to an environment variable by replacing '.' and '-' with '_' and
    // upper-casing.
    for (String var : env.keySet()) {
      assertThat(
              app.stringPropertyNames().stream()
                  .map(
                      p ->
                          p.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT)))
          .as("environment variable %s must bind to a property in application.properties", var)
          .contains(var);
    }
    assertThat(app.getProperty("server.port")).isEqualTo("${PORT:9292}");
  }

  @Test
  void theDockerfileCopiesTheJarTheBuildProducesAndExposesThePort() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    String pom = Files.readString(ROOT.resolve("broker-server/pom.xml"));
    assertThat(pom).contains("<finalName>broker-server</finalName>");
    // extracted (a thin jar beside lib/) and started with the ahead-of-time cache its training
    // run wrote (on an in-memory database, the only one the training run accepts)
    assertThat(dockerfile)
        .contains("COPY broker-server/target/broker-server.jar /build/broker-server.jar")
        .contains("-Djarmode=tools -jar /build/broker-server.jar extract --destination /app")
        .contains(
            "-XX:AOTCacheOutput=/app/broker-server.aot -jar /app/broker-server.jar \\\n"
                + "      --spring.datasource.url=jdbc:h2:mem:training --accord.broker.training-run=true"
                + " --server.port=0")
        .contains("EXPOSE 9292")
        .contains("\"-XX:AOTCache=/app/broker-server.aot\"")
        .contains("\"-jar\", \"/app/broker-server.jar\"");
  }
}
