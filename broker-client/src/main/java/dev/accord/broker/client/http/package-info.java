/**
 * A small, dependency-free HTTP/1.1 client ({@link dev.accord.broker.client.http.Http1Client}) for
 * sending requests exactly as written: the provider verifier replays pact requests through it.
 * Public so that other modules can use it; it is not part of the Pact Broker client's API.
 */
package dev.accord.broker.client.http;
