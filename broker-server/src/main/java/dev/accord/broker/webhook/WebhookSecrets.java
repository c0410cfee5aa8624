package dev.accord.broker.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhook passwords and sensitive header values at rest: AES-GCM with a key derived from {@code
 * accord.webhooks.secret-key} when one is set, stored as given (and warned about) otherwise.
 */
@Component
class WebhookSecrets {
  private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
  static final String PREFIX = "{aes-gcm}";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  WebhookSecrets(WebhookProperties properties) {
    String secret = properties.getSecretKey() == null ? "" : properties.getSecretKey().trim();
    if (secret.isEmpty()) {
      key = null;
      log.warn(
          "Webhook passwords and secret header values are stored unencrypted: set accord.webhooks.secret-key "
              + "(env ACCORD_WEBHOOKS_SECRET_KEY) to encrypt them with AES-GCM");
    } else {
      try {
        key =
            new SecretKeySpec(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)),
                "AES");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(
            "Cannot derive the webhook secret key: " + e.getMessage(), e);
      }
    }
  }

  String seal(String plain) {
    if (plain == null || key == null || plain.startsWith(PREFIX)) {
      return plain;
    }
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a webhook secret: " + e.getMessage(), e);
    }
  }

  /**
   * The clear value; a stored value that cannot be decrypted is a configuration error, reported as
   * such.
   */
  String open(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    if (key == null) {
      throw new IllegalStateException(
          "a webhook secret is stored encrypted but accord.webhooks.secret-key is not set; "
              + "set it to the key the webhook was saved with");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a webhook secret cannot be decrypted with the configured accord.webhooks.secret-key "
              + "(was it changed since the webhook was saved?); save the webhook again with its password and headers",
          e);
    }
  }
}
