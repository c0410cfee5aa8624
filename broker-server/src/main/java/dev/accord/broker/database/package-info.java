/**
 * The broker and its database: commits that are on disk before the answer (H2), a database outage
 * answered 503 with {@code Retry-After}, broken pool connections replaced, and the readiness probe.
 */
package dev.accord.broker.database;
