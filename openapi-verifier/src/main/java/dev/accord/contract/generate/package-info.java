/**
 * Values from an OpenAPI document: the document's examples first, otherwise a value generated from
 * the schema with a seeded {@link java.util.Random} (types, formats, enums, bounds, simple
 * patterns), and whole requests for an operation built from them.
 */
package dev.accord.contract.generate;
