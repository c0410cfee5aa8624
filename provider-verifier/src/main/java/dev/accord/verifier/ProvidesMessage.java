package dev.accord.verifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that produces the message a message pact describes, named by the interaction's
 * description. Produce it the way production does, so the contract checks what the wire carries:
 *
 * <pre>{@code
 * @ProvidesMessage("a product-created event")
 * Message productCreated() {
 *   byte[] bytes = kafkaSerializer.serialize("products", new ProductCreated("p-1", 12.5));
 *   return Message.of(bytes).withMetadata("contentType", "application/json");
 * }
 * }</pre>
 *
 * The method may take the provider state values as a {@code Map<String, Object>} and may return a
 * {@link Message}, {@code byte[]}, a {@code String}, or any object, which is then serialized with
 * the verifier's message serializer (Accord's JSON mapper unless {@code messageSerializer(...)} is
 * set).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProvidesMessage {
  /** The interaction descriptions this method produces messages for. */
  String[] value();
}
