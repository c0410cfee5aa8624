/**
 * The broker and its database: commits that are on disk before the answer (H2), a database outage
 * answered 503 with {@code Retry-After}, broken pool connections replaced, the readiness probe, and
 * the database's start (migrations, Hibernate) after the server listens.
 */
package dev.accord.broker.database;
