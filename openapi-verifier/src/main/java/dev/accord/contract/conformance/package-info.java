/**
 * Conformance by state: every operation of an OpenAPI document times every documented response is
 * one independent case, run against a running provider from its own provider state (set up through
 * the state-change URL or in-process handlers, as in pact verification); the response is validated
 * against the document.
 */
package dev.accord.contract.conformance;
