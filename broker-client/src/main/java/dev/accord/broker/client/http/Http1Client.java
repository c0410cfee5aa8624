package dev.accord.broker.client.http;

import dev.accord.broker.client.LazyDefaultTls;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A small, blocking HTTP/1.1 client for replaying requests exactly: the method as given (any
 * token), the headers as given (Host, Connection, Expect and Upgrade included, which {@code
 * java.net.http} refuses), a body framed by Content-Length. Connections are kept alive and reused
 * per scheme, host and port; responses may be framed by Content-Length, chunked or delimited by the
 * connection's close; HEAD, 1xx, 204 and 304 responses have no body.
 *
 * <p>A connect timeout bounds connecting (a proxy's tunnel and the TLS handshake included) and a
 * timeout, separately, the whole exchange from the first byte written to the last byte of the
 * response read: writing included, so a server that stops reading a large request cannot hold the
 * caller. Both are the same unless the constructor is given two. An HTTP proxy is used only when
 * the constructor is given a {@link ProxySelector}. A blocking socket write has no timeout of its
 * own, so one shared daemon thread closes the connection of an exchange that outlives its deadline
 * (within some 20 ms); it runs only while exchanges are in flight and ends after a second without
 * any. A pooled connection that the server closed while it was idle is found before the request is
 * written (and replaced), and a request whose writing fails on a reused connection is sent once
 * more on a new one: the server cannot have read it. So is an idempotent request (GET, HEAD, PUT,
 * DELETE, OPTIONS, TRACE) to which a reused connection returned not a single byte: the server
 * closed it just as the request went out. Nothing else is retried (never a POST or PATCH the server
 * may have acted on).
 *
 * <p>A response body is read into memory, up to a limit ({@link #DEFAULT_MAX_BODY_BYTES} unless
 * given): a larger one, or one that never ends, fails the exchange instead of exhausting the heap.
 *
 * <p>Safe for concurrent use (each exchange holds its connection alone). https:// goes through the
 * TLS context given (by default the JVM's, built on the first https:// request by {@link
 * LazyDefaultTls}), with the server's name checked against its certificate.
 */
public final class Http1Client implements Closeable {
  /** A pooled connection idle for longer than this is checked for a close by the server first. */
  static final long STALE_CHECK_AFTER_NANOS = 200_000_000L;

  /** The largest response body read unless the constructor is given another limit: 64 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

  /** The name of the thread that closes connections whose exchange outlived its deadline. */
  static final String DEADLINE_THREAD = "Http1Client deadlines";

  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 1000;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

  private final int connectTimeoutMillis;
  private final int timeoutMillis;
  private final SSLContext tls;
  private final int maxBodyBytes;
  private final ProxySelector proxies;
  private final Map<String, Deque<Connection>> idle = new HashMap<>();

  /** A client with the JVM's default TLS context. */
  public Http1Client(Duration timeout) {
    this(timeout, new LazyDefaultTls());
  }

  /**
   * A client whose https:// connections use {@code tls}.
   *
   * @param timeout bounds connecting and, separately, each exchange; at least one millisecond
   */
  public Http1Client(Duration timeout, SSLContext tls) {
    this(timeout, tls, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A client whose https:// connections use {@code tls} and that reads response bodies of at most
   * {@code maxBodyBytes}.
   *
   * @param timeout bounds connecting and, separately, each exchange; at least one millisecond
   * @param maxBodyBytes the largest response body read; a larger one fails the exchange
   */
  public Http1Client(Duration timeout, SSLContext tls, int maxBodyBytes) {
    this(timeout, timeout, tls, maxBodyBytes, null);
  }

  /**
   * A client that connects within {@code connectTimeout}, completes each exchange within {@code
   * timeout}, and goes through the HTTP proxy that {@code proxies} chooses for each URL: as {@code
   * java.net.http} does, the first proxy of its list if that is an HTTP proxy, else directly. An
   * http:// request goes to the proxy with its absolute URL as the target; an https:// one through
   * a tunnel the proxy opens ({@code CONNECT host:port}), which carries the request's {@code
   * Proxy-Authorization} header, if any, instead of the request itself.
   *
   * @param connectTimeout bounds connecting (a proxy's tunnel and the TLS handshake included); at
   *     least one millisecond
   * @param timeout bounds each exchange; at least one millisecond
   * @param proxies e.g. {@link ProxySelector#getDefault()} (the {@code http.proxyHost}, {@code
   *     https.proxyHost}, {@code http.nonProxyHosts} system properties); null for no proxy
   */
  public Http1Client(
      Duration connectTimeout,
      Duration timeout,
      SSLContext tls,
      int maxBodyBytes,
      ProxySelector proxies) {
    this.connectTimeoutMillis = millis(connectTimeout, "connect timeout");
    this.timeoutMillis = millis(timeout, "timeout");
    if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "The largest response body must be between 0 and "
              + (Integer.MAX_VALUE - 8)
              + " bytes, not "
              + maxBodyBytes);
    }
    this.tls = tls;
    this.maxBodyBytes = maxBodyBytes;
    this.proxies = proxies;
  }

  private static int millis(Duration timeout, String what) {
    long millis = timeout.toMillis();
    if (millis < 1 || millis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "The " + what + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, not " + timeout);
    }
    return (int) millis;
  }

  /**
   * A response: its status, its headers (names compared without case) and its body (maybe empty).
   */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {}

  /**
   * Sends one request and reads its response.
   *
   * @param method the request method, sent as given: a token such as GET, PATCH or PROPFIND
   * @param url an absolute http:// or https:// URL; its raw path and query are the request target
   * @param headers sent in order, one header line per value, exactly as given, except
   *     Content-Length and Transfer-Encoding: the body is always framed by the Content-Length of
   *     the bytes sent. Host is added from the URL when absent.
   * @param body the body to send, or null for none
   * @throws ConnectFailed when no connection could be made (unknown host, refused, timed out)
   * @throws TimedOut when the exchange (writing the request, reading the response) was not complete
   *     within the timeout
   * @throws IOException when the request is malformed or the exchange broke; its message names the
   *     method, the URL and the cause
   */
  public Response send(String method, URI url, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    Target target = Target.of(url);
    Route route = route(target, url);
    byte[] head = head(method, url, target, route, headers, body);
    boolean hasBody = body != null && body.length > 0;
    Connection connection = pooled(route);
    boolean reused = connection != null;
    if (connection == null) {
      connection = open(route, url, headers);
    }
    // one deadline for the whole exchange, a second attempt included
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      try {
        connection.write(head, hasBody ? body : null, deadline);
      } catch (IOException e) {
        connection.close();
        if (connection.expired()) {
          throw new TimedOut(method, url, timeoutMillis);
        }
        if (!reused) {
          throw failure(method, url, "the request could not be written", e);
        }
        // the server had closed the pooled connection: it cannot have read any of this request
        connection = open(route, url, headers);
        reused = false;
        continue;
      }
      try {
        Response response = connection.read(method, maxBodyBytes);
        // the deadline may have closed the connection just after the last byte was read
        if (connection.disarm() && connection.reusable) {
          release(route, connection);
        } else {
          connection.close();
        }
        return response;
      } catch (SocketTimeoutException e) {
        connection.close();
        throw new TimedOut(method, url, timeoutMillis);
      } catch (BodyTooLarge e) {
        connection.close();
        throw new IOException(method + " " + url + ": " + e.getMessage(), e);
      } catch (IOException e) {
        connection.close();
        if (connection.expired()) {
          throw new TimedOut(method, url, timeoutMillis);
        }
        if (reused && !connection.received && idempotent(method)) {
          // a pooled connection the server closed just as the request went out (a keep-alive
          // timeout): not a byte came back, and sending an idempotent request again is safe
          connection = open(route, url, headers);
          reused = false;
          continue;
        }
        throw failure(method, url, "no complete response", e);
      }
    }
  }

  /** The methods RFC 9110 (9.2.2) calls idempotent: sending one twice has the effect of once. */
  private static boolean idempotent(String method) {
    switch (method) {
      case "GET":
      case "HEAD":
      case "PUT":
      case "DELETE":
      case "OPTIONS":
      case "TRACE":
        return true;
      default:
        return false;
    }
  }

  /**
   * Closes the connections of exchanges that outlive their deadline. One daemon thread looks at the
   * exchanges in flight every {@link #TICK_MILLIS} ms (so a blocked write ends at most that much
   * after its deadline) and ends after a second without any. Exchanges only join and leave a set: a
   * scheduler woken for each of them cost about 30 us of CPU per request on loopback.
   */
  private static final class Deadlines implements Runnable {
    static final long TICK_MILLIS = 20;
    private static final long IDLE_END_NANOS = 1_000_000_000L;
    private static final Set<Connection> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    static void watch(Connection c) {
      IN_FLIGHT.add(c);
      if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
        Thread thread = new Thread(new Deadlines(), DEADLINE_THREAD);
        thread.setDaemon(true);
        thread.start();
      }
    }

    static void unwatch(Connection c) {
      IN_FLIGHT.remove(c);
    }

    @Override
    public void run() {
      long idleSince = System.nanoTime();
      while (true) {
        try {
          Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException e) {
          // nobody interrupts this thread on purpose; carry on, exchanges depend on it
        }
        long now = System.nanoTime();
        for (Connection c : IN_FLIGHT) {
          c.expireIfDue(now);
        }
        if (!IN_FLIGHT.isEmpty()) {
          idleSince = now;
        } else if (now - idleSince > IDLE_END_NANOS) {
          RUNNING.set(false);
          // an exchange that joined just now saw this thread running: keep running for it
          if (IN_FLIGHT.isEmpty() || !RUNNING.compareAndSet(false, true)) {
            return;
          }
        }
      }
    }
  }

  /** Closes every idle connection; the client can still be used afterwards. */
  @Override
  public void close() {
    List<Connection> all = new ArrayList<>();
    synchronized (idle) {
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(Connection::close);
  }

  private static IOException failure(String method, URI url, String what, IOException cause) {
    String reason =
        cause.getMessage() != null
            ? cause.getMessage()
            : cause instanceof EOFException
                ? "the server closed the connection"
                : cause.getClass().getSimpleName();
    return new IOException(method + " " + url + ": " + what + " (" + reason + ")", cause);
  }

  // ---- the request head -------------------------------------------------------------------------

  private static byte[] head(
      String method,
      URI url,
      Target target,
      Route route,
      Map<String, List<String>> headers,
      byte[] body)
      throws IOException {
    if (method.isEmpty() || !isToken(method)) {
      throw new IOException(
          "'" + method + "' is not an HTTP method (a token: letters, digits, !#$%&'*+-.^_`|~)");
    }
    StringBuilder sb = new StringBuilder(256);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    sb.append(method).append(' ');
    if (route.proxy != null && !route.tunnel()) {
      // a proxy is sent the absolute URL (RFC 9112 3.2.2)
      sb.append(target.scheme).append("://").append(target.hostHeader);
    }
    sb.append(path);
    if (url.getRawQuery() != null) {
      sb.append('?').append(url.getRawQuery());
    }
    sb.append(" HTTP/1.1\r\n");
    boolean hasHost = false;
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Transfer-Encoding")
          || (route.tunnel() && name.equalsIgnoreCase(PROXY_AUTHORIZATION))) {
        continue;
      }
      if (name.isEmpty() || !isToken(name)) {
        throw new IOException(
            method + " " + url + ": '" + name + "' is not a valid header name (a token)");
      }
      hasHost |= name.equalsIgnoreCase("Host");
      for (String value : h.getValue()) {
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c == '\r' || c == '\n' || c == 0) {
            throw new IOException(
                method
                    + " "
                    + url
                    + ": the value of header "
                    + name
                    + " holds a line break or NUL, which HTTP/1.1 cannot carry");
          }
        }
        sb.append(name).append(": ").append(v).append("\r\n");
      }
    }
    if (!hasHost) {
      sb.append("Host: ").append(target.hostHeader).append("\r\n");
    }
    int length = body == null ? 0 : body.length;
    if (length > 0 || expectsBody(method)) {
      sb.append("Content-Length: ").append(length).append("\r\n");
    }
    sb.append("\r\n");
    // header values are sent as ISO-8859-1, as HTTP/1.1 defines them; the body as given
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean expectsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  // ---- connections ------------------------------------------------------------------------------

  private record Target(String scheme, String host, int port, String hostHeader) {
    static Target of(URI url) throws IOException {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IOException("Only http:// and https:// URLs can be requested, not " + url);
      }
      String host = url.getHost();
      if (host == null || host.isEmpty()) {
        throw new IOException("The URL " + url + " has no host");
      }
      int defaultPort = scheme.equals("https") ? 443 : 80;
      int port = url.getPort() == -1 ? defaultPort : url.getPort();
      String header = port == defaultPort ? host : host + ":" + port;
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new Target(scheme, host, port, header);
    }

    String key() {
      return scheme + "://" + hostHeader;
    }
  }

  /** Where a connection goes: to the target directly, or through an HTTP proxy. */
  private record Route(Target target, InetSocketAddress proxy) {
    /** https:// through a proxy: a CONNECT tunnel, with TLS to the target inside it. */
    boolean tunnel() {
      return proxy != null && target.scheme.equals("https");
    }

    String key() {
      return proxy == null
          ? target.key()
          : target.key() + " via " + proxy.getHostString() + ":" + proxy.getPort();
    }

    String proxyName() {
      return proxy.getHostString() + ":" + proxy.getPort();
    }
  }

  /** What {@code java.net.http} does: the selector's first proxy if it is an HTTP one. */
  private Route route(Target target, URI url) {
    if (proxies == null) {
      return new Route(target, null);
    }
    List<Proxy> chosen;
    try {
      chosen = proxies.select(URI.create(target.scheme + "://" + target.hostHeader + "/"));
    } catch (IllegalArgumentException e) {
      return new Route(target, null);
    }
    if (chosen == null || chosen.isEmpty()) {
      return new Route(target, null);
    }
    Proxy first = chosen.get(0);
    if (first.type() != Proxy.Type.HTTP || !(first.address() instanceof InetSocketAddress)) {
      return new Route(target, null);
    }
    return new Route(target, (InetSocketAddress) first.address());
  }

  private Connection pooled(Route route) {
    while (true) {
      Connection c;
      synchronized (idle) {
        Deque<Connection> deque = idle.get(route.key());
        c = deque == null ? null : deque.pollLast();
      }
      if (c == null) {
        return null;
      }
      if (System.nanoTime() - c.idleSince < STALE_CHECK_AFTER_NANOS || c.stillOpen()) {
        return c;
      }
      c.close();
    }
  }

  private void release(Route route, Connection c) {
    c.idleSince = System.nanoTime();
    synchronized (idle) {
      idle.computeIfAbsent(route.key(), k -> new ArrayDeque<>()).addLast(c);
    }
  }

  private Connection open(Route route, URI url, Map<String, List<String>> headers)
      throws IOException {
    Target target = route.target;
    String via = route.proxy == null ? "" : " by the proxy " + route.proxyName();
    InetAddress address;
    String host = route.proxy == null ? target.host : route.proxy.getHostString();
    try {
      address =
          route.proxy != null && !route.proxy.isUnresolved()
              ? route.proxy.getAddress()
              : InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ConnectFailed(
          url, route.proxy == null ? "unknown host " + host : "unknown proxy host " + host);
    }
    int port = route.proxy == null ? target.port : route.proxy.getPort();
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
      if (route.tunnel()) {
        tunnel(socket, route, url, headers);
      }
      if (target.scheme.equals("https")) {
        return new Connection(handshake(socket, target, url), socket);
      }
      return new Connection(socket, socket);
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new ConnectFailed(
          url,
          (route.proxy == null ? "connection" : "connection to the proxy " + route.proxyName())
              + " timed out after "
              + connectTimeoutMillis
              + " ms");
    } catch (ConnectException e) {
      closeQuietly(socket);
      String m = e.getMessage();
      throw new ConnectFailed(
          url, (m == null || m.startsWith("Connection refused") ? "connection refused" : m) + via);
    } catch (TlsFailed e) {
      closeQuietly(socket);
      throw e.failure;
    } catch (ConnectFailed e) {
      closeQuietly(socket);
      throw e;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ConnectFailed(url, e.getClass().getSimpleName() + ": " + e.getMessage() + via, e);
    }
  }

  /**
   * Asks the proxy for a tunnel to the target ({@code CONNECT host:port}) and reads its answer: a
   * 2xx opens it; anything else is a connect failure naming the proxy's status line.
   */
  private void tunnel(Socket socket, Route route, URI url, Map<String, List<String>> headers)
      throws IOException {
    String authority = url.getHost() + ":" + route.target.port;
    StringBuilder request = new StringBuilder(128);
    request.append("CONNECT ").append(authority).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(authority).append("\r\n");
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(PROXY_AUTHORIZATION)) {
        for (String value : h.getValue()) {
          request.append(PROXY_AUTHORIZATION).append(": ").append(value).append("\r\n");
        }
      }
    }
    request.append("\r\n");
    socket.setSoTimeout(connectTimeoutMillis);
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    // byte by byte: what follows the proxy's answer is the TLS handshake, read by the TLS socket
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream(128);
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int c = in.read();
      if (c < 0) {
        throw new ConnectFailed(
            url,
            "the proxy "
                + route.proxyName()
                + " closed the connection instead of answering CONNECT "
                + authority);
      }
      if (answer.size() >= MAX_LINE) {
        throw new ConnectFailed(
            url, "the proxy " + route.proxyName() + "'s answer to CONNECT is too long");
      }
      answer.write(c);
      last4 = (last4 << 8) | c;
    }
    String text = answer.toString(StandardCharsets.ISO_8859_1);
    String statusLine = text.substring(0, text.indexOf('\r'));
    boolean opened =
        statusLine.startsWith("HTTP/1.")
            && statusLine.length() >= 12
            && statusLine.charAt(9) == '2';
    if (!opened) {
      throw new ConnectFailed(
          url,
          "the proxy "
              + route.proxyName()
              + " refused a tunnel to "
              + authority
              + ": "
              + statusLine
              + (statusLine.contains(" 407")
                  ? " (give its credentials with a Proxy-Authorization header)"
                  : ""));
    }
  }

  /** A TLS handshake that failed: not a connect failure, a failure of this exchange. */
  private static final class TlsFailed extends IOException {
    final IOException failure;

    TlsFailed(IOException failure) {
      this.failure = failure;
    }
  }

  private SSLSocket handshake(Socket socket, Target target, URI url) throws IOException {
    try {
      SSLSocket ssl =
          (SSLSocket) tls.getSocketFactory().createSocket(socket, target.host, target.port, true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(connectTimeoutMillis);
      ssl.startHandshake();
      return ssl;
    } catch (IOException e) {
      throw new TlsFailed(
          new IOException(
              "TLS handshake with "
                  + url.getScheme()
                  + "://"
                  + url.getAuthority()
                  + " failed ("
                  + e.getMessage()
                  + ")",
              e));
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to do with it
    }
  }

  /** A response body over the client's limit. */
  private static final class BodyTooLarge extends IOException {
    BodyTooLarge(long size, int max) {
      super(
          "the response body is larger than "
              + bytes(max)
              + (size >= 0 ? " (Content-Length " + size + ")" : "")
              + ", the most this client reads into memory; a provider's answer to a pact request"
              + " should be far smaller (does it stream without end?)");
    }

    private static String bytes(int n) {
      int mib = 1024 * 1024;
      return n > 0 && n % mib == 0 ? n / mib + " MiB" : n + " bytes";
    }
  }

  /** One connection: a socket, its input buffer and whether it can carry another exchange. */
  private static final class Connection {
    /** {@link #clock} when no exchange runs. */
    private static final long IDLE = Long.MIN_VALUE;

    /** {@link #clock} once the deadline passed (and closed the connection). */
    private static final long EXPIRED = Long.MIN_VALUE + 1;

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final byte[] buffer = new byte[16 * 1024];
    int pos;
    int limit;
    long idleSince;
    boolean reusable;

    /** Whether any byte of a response came back since the last request was written. */
    boolean received;

    private long deadline;
    private int maxBody;

    /** The TCP socket under {@code socket} (itself unless TLS): closed when the deadline passes. */
    private final Socket raw;

    /**
     * The running exchange's deadline, or IDLE, or EXPIRED: a deadline identifies one exchange, so
     * the deadline thread cannot expire the next exchange on a connection by mistake.
     */
    private final AtomicLong clock = new AtomicLong(IDLE);

    Connection(Socket socket, Socket raw) throws IOException {
      this.socket = socket;
      this.raw = raw;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /**
     * Starts the exchange's clock: at {@code deadline} the TCP socket is closed, which ends a write
     * blocked on a server that stopped reading (and a read, too). Closing the plain socket rather
     * than a TLS one sends no close_notify, so it cannot block on the writer's lock.
     */
    private void arm(long deadline) {
      this.deadline = deadline;
      clock.set(deadline == IDLE || deadline == EXPIRED ? deadline + 2 : deadline);
      Deadlines.watch(this);
    }

    /** Called by {@link Deadlines}: closes the connection if its exchange's deadline passed. */
    void expireIfDue(long now) {
      long d = clock.get();
      if (d != IDLE && d != EXPIRED && now - d >= 0 && clock.compareAndSet(d, EXPIRED)) {
        Deadlines.unwatch(this);
        closeQuietly(raw);
      }
    }

    /** Stops the clock; false if the deadline passed first (and closed the connection). */
    boolean disarm() {
      while (true) {
        long d = clock.get();
        if (d == EXPIRED) {
          return false;
        }
        if (d == IDLE) {
          return true;
        }
        if (clock.compareAndSet(d, IDLE)) {
          Deadlines.unwatch(this);
          return true;
        }
      }
    }

    /** True if the exchange's deadline passed (and closed the connection). */
    boolean expired() {
      return clock.get() == EXPIRED;
    }

    void write(byte[] head, byte[] body, long deadline) throws IOException {
      arm(deadline);
      received = false;
      if (body != null && body.length <= 16 * 1024) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
      } else {
        out.write(head);
        if (body != null) {
          out.write(body);
        }
      }
      out.flush();
    }

    /** True unless the server closed the connection (or sent something unasked) while idle. */
    boolean stillOpen() {
      if (pos < limit) {
        return false;
      }
      try {
        socket.setSoTimeout(1);
        in.read();
        // end of stream, or bytes nobody asked for: either way the connection cannot be used
        return false;
      } catch (SocketTimeoutException e) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /** Refills the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
      timed();
      int n = in.read(buffer, 0, buffer.length);
      if (n < 0) {
        return false;
      }
      received = true;
      pos = 0;
      limit = n;
      return true;
    }

    Response read(String method, int maxBodyBytes) throws IOException {
      reusable = false;
      maxBody = maxBodyBytes;
      int status;
      String version;
      Map<String, List<String>> headers;
      while (true) {
        String statusLine = line(true);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
          throw new IOException("not an HTTP/1.x status line: '" + abbreviate(statusLine) + "'");
        }
        version = statusLine.substring(0, 8);
        try {
          status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
          throw new IOException("not an HTTP/1.x status line: '" + abbreviate(statusLine) + "'");
        }
        headers = headers();
        // 100 Continue, 103 Early Hints: the final response follows; 101 switches protocols
        if (status >= 200 || status == 101) {
          break;
        }
      }
      boolean close =
          has(headers, "Connection", "close")
              || (version.equals("HTTP/1.0") && !has(headers, "Connection", "keep-alive"));
      byte[] body;
      boolean noBody = method.equals("HEAD") || status < 200 || status == 204 || status == 304;
      if (noBody) {
        body = new byte[0];
      } else if (chunked(headers)) {
        body = readChunked();
      } else if (headers.containsKey("Content-Length")) {
        body = readFixed(contentLength(headers.get("Content-Length")));
      } else {
        body = readToClose();
        close = true;
      }
      reusable = !close && status != 101;
      return new Response(status, headers, body);
    }

    private Map<String, List<String>> headers() throws IOException {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      int count = 0;
      for (String line = line(false); !line.isEmpty(); line = line(false)) {
        if (++count > MAX_HEADERS) {
          throw new IOException("more than " + MAX_HEADERS + " response headers");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("not a header line: '" + abbreviate(line) + "'");
        }
        // lower case, as java.net.http and HTTP/2 present them
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      return headers;
    }

    private static boolean has(Map<String, List<String>> headers, String name, String token) {
      for (String value : headers.getOrDefault(name, List.of())) {
        for (String part : value.split(",")) {
          if (part.trim().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean chunked(Map<String, List<String>> headers) {
      List<String> codings = headers.get("Transfer-Encoding");
      if (codings == null || codings.isEmpty()) {
        return false;
      }
      String[] parts = codings.get(codings.size() - 1).split(",");
      return parts[parts.length - 1].trim().equalsIgnoreCase("chunked");
    }

    private static long contentLength(List<String> values) throws IOException {
      long length = -1;
      for (String value : values) {
        for (String part : value.split(",")) {
          long n;
          try {
            n = Long.parseLong(part.trim());
          } catch (NumberFormatException e) {
            throw new IOException("Content-Length '" + value + "' is not a number");
          }
          if (n < 0 || (length != -1 && n != length)) {
            throw new IOException("Content-Length " + values + " is not one length");
          }
          length = n;
        }
      }
      return length;
    }

    private byte[] readFixed(long length) throws IOException {
      if (length > maxBody) {
        throw new BodyTooLarge(length, maxBody);
      }
      byte[] body = new byte[(int) length];
      int off = 0;
      while (off < body.length) {
        if (pos == limit && !fill()) {
          throw new EOFException(
              "the server closed the connection after " + off + " of " + length + " body bytes");
        }
        int n = Math.min(limit - pos, body.length - off);
        System.arraycopy(buffer, pos, body, off, n);
        pos += n;
        off += n;
      }
      return body;
    }

    private byte[] readChunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line(false);
        int semicolon = sizeLine.indexOf(';');
        String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
        long size;
        try {
          size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new IOException("not a chunk size: '" + abbreviate(sizeLine) + "'");
        }
        if (size < 0) {
          throw new IOException("not a chunk size: '" + abbreviate(sizeLine) + "'");
        }
        if (size > maxBody - body.size()) {
          throw new BodyTooLarge(-1, maxBody);
        }
        if (size == 0) {
          // trailers, then the empty line
          while (!line(false).isEmpty()) {
            // trailer fields are not part of the response Accord compares
          }
          return body.toByteArray();
        }
        body.write(readFixed(size));
        if (!line(false).isEmpty()) {
          throw new IOException("a chunk is not followed by CRLF");
        }
      }
    }

    private byte[] readToClose() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (pos < limit || fill()) {
        if (limit - pos > maxBody - body.size()) {
          throw new BodyTooLarge(-1, maxBody);
        }
        body.write(buffer, pos, limit - pos);
        pos = limit;
      }
      return body.toByteArray();
    }

    /** One line without its CRLF (or bare LF), as ISO-8859-1. */
    private String line(boolean first) throws IOException {
      StringBuilder sb = null;
      while (true) {
        if (pos == limit && !fill()) {
          throw new EOFException(
              first && sb == null
                  // the usual way of failing on a reused connection that the server closed
                  // meanwhile
                  ? "the server closed the connection without a response"
                  : "the server closed the connection in the middle of a line");
        }
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        int end = pos;
        boolean complete = pos < limit;
        if (complete) {
          pos++;
        }
        if (sb == null && complete) {
          if (end > start && buffer[end - 1] == '\r') {
            end--;
          }
          return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        }
        if (sb == null) {
          sb = new StringBuilder(128);
        }
        sb.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
        if (sb.length() > MAX_LINE) {
          throw new IOException("a line of the response is longer than " + MAX_LINE + " bytes");
        }
        if (complete) {
          int n = sb.length();
          if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
          }
          return sb.toString();
        }
      }
    }

    /** Sets the socket's read timeout to what is left of the exchange's. */
    private void timed() throws IOException {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left < 1) {
        throw new SocketTimeoutException("the exchange's time is up");
      }
      socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
    }

    private static String abbreviate(String s) {
      return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** Closes the connection, and stops the exchange's clock if it runs. */
    void close() {
      disarm();
      closeQuietly(socket);
    }
  }

  // ---- failures ---------------------------------------------------------------------------------

  /** No connection could be made: an unknown host, a refused connection or a connect timeout. */
  public static final class ConnectFailed extends IOException {
    private final URI url;
    private final String reason;

    ConnectFailed(URI url, String reason) {
      this(url, reason, null);
    }

    ConnectFailed(URI url, String reason, Throwable cause) {
      super(
          "Could not connect to "
              + url.getScheme()
              + "://"
              + url.getAuthority()
              + " ("
              + reason
              + ")",
          cause);
      this.url = url;
      this.reason = reason;
    }

    /** The URL requested. */
    public URI url() {
      return url;
    }

    /** Why, e.g. "connection refused", "unknown host x", "connection timed out after 500 ms". */
    public String reason() {
      return reason;
    }
  }

  /** The response was not complete within the timeout. */
  public static final class TimedOut extends IOException {
    TimedOut(String method, URI url, int timeoutMillis) {
      super(method + " " + url + " timed out after " + timeoutMillis + " ms");
    }
  }
}
