package dev.accord.pact.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media type such as {@code application/json; charset=UTF-8}. {@link #raw()} keeps the text as
 * written; {@link #mediaType()} is the lower-cased {@code type/subtype}; parameter names are
 * lower-cased.
 */
public record ContentType(String raw, String mediaType, Map<String, String> parameters) {

  public static final ContentType JSON = parse("application/json");
  public static final ContentType TEXT = parse("text/plain");
  public static final ContentType XML = parse("application/xml");
  public static final ContentType FORM = parse("application/x-www-form-urlencoded");
  public static final ContentType OCTET_STREAM = parse("application/octet-stream");

  public ContentType {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(mediaType, "mediaType");
    parameters =
        parameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * Parses leniently: a missing subtype, stray semicolons and quoted parameter values are accepted.
   */
  public static ContentType parse(String value) {
    Objects.requireNonNull(value, "content type");
    String[] parts = value.split(";");
    String media = parts[0].trim().toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "" : p.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      params.put(name, v);
    }
    return new ContentType(value.trim(), media, params);
  }

  public String type() {
    int slash = mediaType.indexOf('/');
    return slash < 0 ? mediaType : mediaType.substring(0, slash);
  }

  public String subtype() {
    int slash = mediaType.indexOf('/');
    return slash < 0 ? "" : mediaType.substring(slash + 1);
  }

  public Optional<Charset> charset() {
    String cs = parameters.get("charset");
    if (cs == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(cs));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public Charset charsetOrUtf8() {
    return charset().orElse(StandardCharsets.UTF_8);
  }

  /**
   * {@code application/json}, {@code application/hal+json}, {@code application/vnd.x.v1+json}, ...
   */
  public boolean isJson() {
    String sub = subtype();
    return sub.equals("json")
        || sub.endsWith("+json")
        || sub.endsWith("-json")
        || mediaType.contains("json");
  }

  /**
   * {@code application/xml}, {@code text/xml}, {@code application/atom+xml}, ... (not {@code
   * image/svg+xml}).
   */
  public boolean isXml() {
    String sub = subtype();
    return (type().equals("application") || type().equals("text"))
        && (sub.equals("xml") || sub.endsWith("+xml"));
  }

  public boolean isFormUrlEncoded() {
    return mediaType.equals("application/x-www-form-urlencoded");
  }

  public boolean isMultipart() {
    return type().equals("multipart");
  }

  /** Textual content: {@code text/*}, JSON, XML, form-urlencoded, JavaScript and the like. */
  public boolean isText() {
    return type().equals("text")
        || isJson()
        || isXml()
        || isFormUrlEncoded()
        || mediaType.equals("application/javascript")
        || mediaType.equals("application/graphql")
        || mediaType.equals("application/yaml")
        || mediaType.equals("application/x-yaml");
  }

  public boolean isBinary() {
    return !isText() && !isMultipart();
  }

  @Override
  public String toString() {
    return raw;
  }
}
