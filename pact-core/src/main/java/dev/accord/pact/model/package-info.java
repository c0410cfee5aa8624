/**
 * The Pact model: immutable values for pacts, interactions (the three V4 kinds), requests,
 * responses, messages, provider states, bodies, matching rules and generators.
 *
 * <p>Arbitrary JSON (state params, metadata values, comments, JSON bodies) is carried as Jackson
 * {@link tools.jackson.databind.JsonNode}s, which are treated as immutable: never mutate one taken
 * from this model.
 */
package dev.accord.pact.model;
