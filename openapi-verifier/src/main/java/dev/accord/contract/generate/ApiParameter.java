package dev.accord.contract.generate;

import tools.jackson.databind.JsonNode;

/**
 * One parameter of an operation, its {@code $ref} resolved and path-level parameters merged with
 * the operation's.
 *
 * @param name the parameter's name
 * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param required whether it must be sent (path parameters always)
 * @param node the parameter object itself (for its {@code example} and {@code examples})
 * @param pointer the JSON pointer of the parameter object in the document
 * @param schema its schema (from {@code schema}, or the first media type of {@code content}); null
 *     when none
 * @param schemaPointer the JSON pointer of {@code schema}
 */
public record ApiParameter(
    String name,
    String in,
    boolean required,
    JsonNode node,
    String pointer,
    JsonNode schema,
    String schemaPointer) {}
