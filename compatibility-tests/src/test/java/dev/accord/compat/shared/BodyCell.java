package dev.accord.compat.shared;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A body as the suite's tables write it, and the {@code Content-Type} it implies:
 *
 * <ul>
 *   <li>{@code JSON: {...}} and {@code XML: <...>}: inline JSON or XML;
 *   <li>{@code file: name-body.xml}: a body wrapper {@code
 *       <body><contentType>..</contentType><contents [eol="CRLF"]
 *       [encoding="base64"]>..</contents></body>};
 *   <li>{@code file: name.ext}: a fixture, its content type from the extension ({@link
 *       #contentTypeOf});
 *   <li>{@code EMPTY}: an empty body;
 *   <li>anything else: that text.
 * </ul>
 *
 * An explicit content type (a {@code content type} column or header) wins over the extension.
 */
public record BodyCell(Body body, String contentType) {

  public static BodyCell parse(String cell, String explicitContentType) {
    String value = cell.trim();
    if (value.startsWith("JSON:")) {
      String ct = or(explicitContentType, "application/json");
      return new BodyCell(
          bytes(value.substring(5).trim().getBytes(StandardCharsets.UTF_8), ct), ct);
    }
    if (value.startsWith("XML:")) {
      String ct = or(explicitContentType, "application/xml");
      return new BodyCell(
          bytes(value.substring(4).trim().getBytes(StandardCharsets.UTF_8), ct), ct);
    }
    if (value.startsWith("file:")) {
      String name = value.substring(5).trim();
      if (name.endsWith("-body.xml")) {
        return wrapper(name, explicitContentType);
      }
      String ct = or(explicitContentType, contentTypeOf(name));
      return new BodyCell(bytes(CompatibilitySuite.fixtureBytes(name), ct), ct);
    }
    if (value.equals("EMPTY")) {
      String ct = explicitContentType;
      return new BodyCell(
          ct == null ? Body.empty() : Body.empty().withContentType(ContentType.parse(ct)), ct);
    }
    String ct = or(explicitContentType, "text/plain");
    return new BodyCell(bytes(cell.getBytes(StandardCharsets.UTF_8), ct), ct);
  }

  /**
   * {@code .json} JSON, {@code .xml} XML, {@code .jpg} image/jpeg, {@code .pdf} application/pdf,
   * else text/plain.
   */
  public static String contentTypeOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    } else if (name.endsWith(".xml")) {
      return "application/xml";
    } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    } else if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return "text/plain";
  }

  private static BodyCell wrapper(String name, String explicitContentType) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(CompatibilitySuite.fixtureBytes(name)));
      Element root = doc.getDocumentElement();
      String declared = text(root, "contentType").trim();
      Element contents = (Element) root.getElementsByTagName("contents").item(0);
      String text = contents == null ? "" : contents.getTextContent();
      String ct = or(explicitContentType, declared.isEmpty() ? "text/plain" : declared);
      byte[] content;
      if (contents != null && "base64".equals(contents.getAttribute("encoding"))) {
        content = Base64.getMimeDecoder().decode(text.trim());
      } else {
        if (contents != null && "CRLF".equalsIgnoreCase(contents.getAttribute("eol"))) {
          text = text.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        content = text.getBytes(StandardCharsets.UTF_8);
      }
      return new BodyCell(bytes(content, ct), ct);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "Cannot read body wrapper fixture " + name + ": " + e.getMessage(), e);
    }
  }

  private static String text(Element root, String tag) {
    var nodes = root.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }

  private static Body bytes(byte[] content, String contentType) {
    return Body.bytes(content, contentType == null ? null : ContentType.parse(contentType));
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
