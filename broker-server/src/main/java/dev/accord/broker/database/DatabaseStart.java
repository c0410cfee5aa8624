package dev.accord.broker.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * The database's start, Flyway's migrations and then Hibernate's bootstrap, on a thread of its own
 * ({@code database-start}) while the web layer is set up; the server listens without waiting for
 * it, so the API index answers at once. Until it is done, every connection asked of the broker's
 * {@code DataSource} (by any other thread) and every use of the JPA {@code EntityManagerFactory}
 * waits for it: a request that needs the database before then waits, never reads an unmigrated
 * schema; after {@link #REQUEST_WAIT} it gets 503 with {@code Retry-After} ({@link
 * DatabaseOutage}). {@code GET /diagnostic/status/ready} answers 503 until it is done. A start that
 * fails (a migration, Hibernate's schema validation) stops the broker with exit code 1, as a failed
 * start did when it ran before the server listened.
 */
final class DatabaseStart {
  /** How long a request waits for the database's start before it is answered 503. */
  static final Duration REQUEST_WAIT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(DatabaseStart.class);
  private final CountDownLatch done = new CountDownLatch(1);
  private final CompletableFuture<Callable<?>> hibernateTask = new CompletableFuture<>();
  private final CompletableFuture<Object> hibernate = new CompletableFuture<>();
  private volatile Flyway flyway;
  private volatile Thread thread;
  private volatile Throwable failure;

  /** Flyway's migration strategy: the migration runs on the start thread, first. */
  void migrateOnStartThread(Flyway flyway) {
    this.flyway = flyway;
    begin();
  }

  /**
   * The bootstrap executor of the {@code EntityManagerFactory}: its task (building Hibernate) runs
   * on the start thread after the migrations.
   */
  AsyncTaskExecutor hibernateExecutor() {
    return new AsyncTaskExecutor() {
      @Override
      public void execute(Runnable task) {
        submit(Executors.callable(task));
      }

      @Override
      public <T> Future<T> submit(Callable<T> task) {
        hibernateTask.complete(task);
        begin();
        @SuppressWarnings("unchecked")
        Future<T> future = (Future<T>) new HibernateFuture(hibernate);
        return future;
      }
    };
  }

  /** Whether the migrations have run and Hibernate has started. */
  boolean done() {
    return done.getCount() == 0 && failure == null;
  }

  /**
   * Returns once the database has started; at once before the start began (the beans made before
   * the migrations) and on the start thread itself.
   */
  void await() throws SQLException {
    Thread start = thread;
    if (start == null || Thread.currentThread() == start) {
      return;
    }
    try {
      if (!done.await(REQUEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            "The broker is still starting: its database (Flyway's migrations, then Hibernate) was"
                + " not ready within "
                + REQUEST_WAIT.toSeconds()
                + " s. Try again shortly: GET /diagnostic/status/ready answers 200 once it is.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException(
          "Interrupted while waiting for the broker's database to start", e);
    }
    if (failure != null) {
      throw new SQLNonTransientConnectionException(
          "The broker's database could not be started: " + failure, failure);
    }
  }

  private synchronized void begin() {
    if (thread == null) {
      thread = new Thread(this::start, "database-start");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void start() {
    long begun = System.nanoTime();
    try {
      Flyway migrations = flyway;
      if (migrations != null) {
        migrations.migrate();
      }
      long migrated = System.nanoTime();
      hibernate.complete(hibernateTask.get().call());
      done.countDown();
      log.info(
          "Database ready: migrations {} ms, Hibernate {} ms (the server listened meanwhile;"
              + " requests that needed the database waited for this)",
          (migrated - begun) / 1_000_000,
          (System.nanoTime() - migrated) / 1_000_000);
    } catch (Throwable e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      failure = cause;
      hibernate.completeExceptionally(cause);
      done.countDown();
      log.error(
          "The broker could not start its database, so it stops (exit code 1): {}. Fix the"
              + " cause (the database's address and credentials, a migration, the schema) and"
              + " start it again.",
          cause.toString(),
          cause);
      System.exit(1);
    }
  }

  /**
   * Hibernate's future as the {@code EntityManagerFactory} bean sees it. Spring waits for it at the
   * end of the context's refresh ({@code afterSingletonsInstantiated}), before the server listens,
   * and only to fail the start early; that one call does not wait here (the start thread stops the
   * broker if the start fails). Every other call waits for Hibernate.
   */
  private static final class HibernateFuture implements Future<Object> {
    private final CompletableFuture<Object> hibernate;

    HibernateFuture(CompletableFuture<Object> hibernate) {
      this.hibernate = hibernate;
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return calledAtTheEndOfTheRefresh() ? null : hibernate.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return calledAtTheEndOfTheRefresh() ? null : hibernate.get(timeout, unit);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return hibernate.isDone();
    }

    private static boolean calledAtTheEndOfTheRefresh() {
      return StackWalker.getInstance()
          .walk(
              frames ->
                  frames
                      .limit(6)
                      .anyMatch(
                          f ->
                              f.getMethodName().equals("afterSingletonsInstantiated")
                                  && f.getClassName()
                                      .equals(AbstractEntityManagerFactoryBean.class.getName())));
    }
  }
}
