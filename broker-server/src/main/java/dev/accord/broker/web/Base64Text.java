package dev.accord.broker.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The base64 {@code content} of a publication (a pact, an OpenAPI document, verification results)
 * as UTF-8 text.
 */
public final class Base64Text {
  private Base64Text() {}

  /**
   * Decodes {@code base64} (MIME base64: line breaks allowed, as the CLIs send it) to UTF-8 text; a
   * 400 naming {@code field} when it is not base64, or not UTF-8 once decoded. {@code what} names
   * the content in the fix ("the pact JSON").
   */
  public static String decode(String base64, String field, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(
          field,
          "is not valid base64 (" + e.getMessage() + "); send " + what + " encoded with base64");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalidField(
          field, "is not UTF-8 text once decoded from base64; send " + what + " as UTF-8");
    }
  }
}
