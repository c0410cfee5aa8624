package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Detects a media type from the first bytes of content (magic numbers), for the {@code contentType}
 * matcher.
 */
public final class ContentTypeDetector {
  private ContentTypeDetector() {}

  /** The detected base media type, {@code application/octet-stream} when nothing is recognised. */
  public static String detect(byte[] b) {
    if (b.length == 0) {
      return "application/octet-stream";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    if (startsWith(b, 'P', 'K', 0x03, 0x04) || startsWith(b, 'P', 'K', 0x05, 0x06)) {
      return "application/zip";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "application/gzip";
    }
    if (startsWith(b, 'B', 'M') && b.length > 14) {
      return "image/bmp";
    }
    if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
      return "image/tiff";
    }
    if (b.length >= 12
        && startsWith(b, 'R', 'I', 'F', 'F')
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    if (startsWith(b, 0x00, 0x00, 0x01, 0x00)) {
      return "image/x-icon";
    }
    if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return "application/x-executable";
    }
    if (startsWith(b, 'O', 'g', 'g', 'S')) {
      return "application/ogg";
    }
    if (startsWith(b, 'I', 'D', '3') || startsWith(b, 0xFF, 0xFB)) {
      return "audio/mpeg";
    }
    if (b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return "video/mp4";
    }
    String text = asUtf8(b);
    if (text == null) {
      return "application/octet-stream";
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1).stripLeading();
    }
    String lower =
        trimmed.length() > 256
            ? trimmed.substring(0, 256).toLowerCase(Locale.ROOT)
            : trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return "text/html";
    }
    if (lower.startsWith("<svg") || (lower.startsWith("<?xml") && lower.contains("<svg"))) {
      return "image/svg+xml";
    }
    if (lower.startsWith("<?xml")
        || (lower.startsWith("<")
            && lower.length() > 1
            && (Character.isLetter(lower.charAt(1)) || lower.charAt(1) == '!'))) {
      return "application/xml";
    }
    if ((lower.startsWith("{") || lower.startsWith("[")) && Json.tryParse(b).isPresent()) {
      return "application/json";
    }
    return "text/plain";
  }

  // the reference implementation's expressions (pact_models content_types.rs), each anchored at the
  // start
  private static final Pattern XML_DECLARATION =
      Pattern.compile("^\\s*<\\?xml\\s*version.*", Pattern.DOTALL);
  private static final Pattern HTML = Pattern.compile("^(\\s*<!DOCTYPE|<HTML>)");
  private static final Pattern XML_ELEMENT =
      Pattern.compile("^\\s*<\\w+\\s*(:\\w+=[\"\u201d][^\"\u201d]+[\"\u201d])?");
  private static final Pattern JSON =
      Pattern.compile("^\\s*(true|false|null|[0-9]+|\"\\w*|\\{\\s*(}|\"\\w+)|\\[\\s*)");

  /**
   * The media type of a body that declares none, as the reference implementation detects it from text: an XML
   * declaration, then {@code <!DOCTYPE}/{@code <HTML>} (HTML), then an element ({@code <name}: XML), then the
   * start of a JSON value ({@code {"key}, {@code [}, {@code "}, a digit, {@code true}/{@code false}/{@code null}),
   * else {@code text/plain}. Content that is not UTF-8 is recognised by its magic numbers ({@link #detect}).
   */
  public static String detectUndeclared(byte[] b) {
    String text = asUtf8(b);
    if (text == null || b.length == 0) {
      return detect(b);
    }
    if (XML_DECLARATION.matcher(text).lookingAt()) {
      return "application/xml";
    }
    if (HTML.matcher(text.toUpperCase(Locale.ROOT)).lookingAt()) {
      return "text/html";
    }
    if (XML_ELEMENT.matcher(text).lookingAt()) {
      return "application/xml";
    }
    if (JSON.matcher(text).lookingAt()) {
      return "application/json";
    }
    return "text/plain";
  }

  private static String asUtf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
