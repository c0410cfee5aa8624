package dev.accord.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real broker on a random port, backed by its own freshly created PostgreSQL database (dropped on
 * close) or by an H2 file database in a temporary directory. Tests talk to it over HTTP.
 */
final class RunningBroker implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final String database;
  final String baseUrl;
  final String jdbcUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningBroker(ConfigurableApplicationContext context, String database, String jdbcUrl) {
    this.context = context;
    this.database = database;
    this.jdbcUrl = jdbcUrl;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://localhost:" + port;
  }

  /**
   * A broker on a new PostgreSQL database; extra properties as "key=value". The server is the one
   * on 127.0.0.1:5432 (or {@code -Daccord.test.postgres=host:port}), else an embedded one (see
   * {@link OwnedPostgres#sharedJdbcBase()}).
   */
  static RunningBroker onPostgres(String... properties) {
    return onPostgresServer(OwnedPostgres.sharedJdbcBase(), properties);
  }

  /**
   * A broker on a new database of the PostgreSQL server at {@code jdbcBase} ({@code
   * jdbc:postgresql://host:port/}).
   */
  static RunningBroker onPostgresServer(String jdbcBase, String... properties) {
    return onPostgresDatabase(jdbcBase, createDatabase(jdbcBase), properties);
  }

  /**
   * A broker on the existing database {@code db} of the PostgreSQL server at {@code jdbcBase},
   * which it drops when closed; extra properties as "key=value".
   */
  static RunningBroker onPostgresDatabase(String jdbcBase, String db, String... properties) {
    String url = jdbcBase + db;
    List<String> props =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password="));
    props.addAll(List.of(properties));
    return new RunningBroker(start(props), db, url);
  }

  /**
   * Creates a uniquely named database on the server at {@code jdbcBase} (user postgres, trust auth)
   * and returns its name.
   */
  static String createDatabase(String jdbcBase) {
    String db =
        "accord_broker_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(jdbcBase + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The broker tests need PostgreSQL at "
              + jdbcBase
              + " (user postgres, trust auth) and could not "
              + "create a database there: "
              + e.getMessage()
              + ". Start it (.ci/run does: pg_ctlcluster <version> main start), or stop it "
              + "entirely so the tests start an embedded one.",
          e);
    }
    return db;
  }

  /**
   * A second broker instance on the database of {@code first} (which owns and drops it); extra
   * properties as "key=value".
   */
  static RunningBroker onSameDatabase(RunningBroker first, String... properties) {
    if (first.database == null) {
      throw new IllegalArgumentException("onSameDatabase needs a PostgreSQL broker");
    }
    List<String> props =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + first.jdbcUrl,
                "spring.datasource.username=postgres",
                "spring.datasource.password="));
    props.addAll(List.of(properties));
    return new RunningBroker(start(props), null, first.jdbcUrl);
  }

  static RunningBroker onH2(Path dir, String... properties) {
    return onH2Url(
        "jdbc:h2:file:" + dir.resolve("broker").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
        properties);
  }

  /** A broker on the H2 database at {@code url}; extra properties as "key=value". */
  static RunningBroker onH2Url(String url, String... properties) {
    List<String> props =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=sa",
                "spring.datasource.password="));
    props.addAll(List.of(properties));
    return new RunningBroker(start(props), null, url);
  }

  private static ConfigurableApplicationContext start(List<String> props) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.main.banner-mode=off");
    props.forEach(p -> args.add("--" + p));
    return new SpringApplicationBuilder(BrokerApplication.class).run(args.toArray(String[]::new));
  }

  /** A bean of the running application, for read-only service APIs that have no HTTP resource. */
  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  Connection sql() throws SQLException {
    return jdbcUrl.startsWith("jdbc:h2")
        ? DriverManager.getConnection(jdbcUrl, "sa", "")
        : DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  long count(String table) throws SQLException {
    try (Connection c = sql();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"),
        headers);
  }

  /** POST without Content-Length (chunked), as streaming clients send it. */
  HttpResponse<String> postChunked(String path, String json) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri(path))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(bytes)))
            .header("Content-Type", "application/json"));
  }

  HttpResponse<String> put(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"),
        headers);
  }

  HttpResponse<String> patch(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/merge-patch+json"),
        headers);
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : baseUrl + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes {@link #publishBody} and fails the calling test unless the broker answers 200. */
  void publish(
      String consumer, String version, String branch, String provider, String responseName) {
    HttpResponse<String> r =
        post("/contracts/publish", publishBody(consumer, version, branch, provider, responseName));
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "Publishing "
              + consumer
              + " "
              + version
              + " for "
              + provider
              + " answered "
              + r.statusCode()
              + ", expected 200: "
              + r.body());
    }
  }

  static tools.jackson.databind.JsonNode json(HttpResponse<String> r) {
    return dev.accord.pact.json.Json.parse(r.body());
  }

  static String pact(String consumer, String provider, String responseName) {
    return "{\"consumer\":{\"name\":\""
        + consumer
        + "\"},\"provider\":{\"name\":\""
        + provider
        + "\"},"
        + "\"interactions\":[{\"description\":\"get thing\",\"providerStates\":[{\"name\":\"thing exists\",\"params\":{\"id\":1}}],"
        + "\"request\":{\"method\":\"GET\",\"path\":\"/thing/1\"},"
        + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"id\":1,\"name\":\""
        + responseName
        + "\"}}}],"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";
  }

  static String publishBody(
      String consumer, String version, String branch, String... providerAndNames) {
    StringBuilder contracts = new StringBuilder();
    for (int i = 0; i < providerAndNames.length; i += 2) {
      String content =
          java.util.Base64.getEncoder()
              .encodeToString(
                  pact(consumer, providerAndNames[i], providerAndNames[i + 1])
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (contracts.length() > 0) {
        contracts.append(',');
      }
      contracts
          .append("{\"consumerName\":\"")
          .append(consumer)
          .append("\",\"providerName\":\"")
          .append(providerAndNames[i])
          .append(
              "\",\"specification\":\"pact\",\"contentType\":\"application/json\",\"content\":\"")
          .append(content)
          .append("\"}");
    }
    return "{\"pacticipantName\":\""
        + consumer
        + "\",\"pacticipantVersionNumber\":\""
        + version
        + "\""
        + (branch == null ? "" : ",\"branch\":\"" + branch + "\"")
        + ",\"contracts\":["
        + contracts
        + "]}";
  }

  @Override
  public void close() {
    context.close();
    if (database != null) {
      String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
      try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Could not drop test database " + database + ": " + e.getMessage(), e);
      }
    }
  }

  static Path tempDir() throws java.io.IOException {
    return Files.createTempDirectory("accord-broker");
  }
}
