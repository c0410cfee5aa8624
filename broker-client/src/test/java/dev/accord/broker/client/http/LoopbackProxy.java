package dev.accord.broker.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy on 127.0.0.1 for tests: it records the head of each request it is sent, opens a
 * CONNECT tunnel (or refuses it with {@code refuseTunnelsWith}), and forwards a plain request as it
 * came. Whatever host a request names, it connects to 127.0.0.1 on {@code upstreamPort}, so test
 * traffic never leaves the machine.
 */
public final class LoopbackProxy implements AutoCloseable {
  /** The head of each request sent to the proxy (up to its empty line). */
  public final List<String> heads = new CopyOnWriteArrayList<>();

  private final ServerSocket socket;
  private final int upstreamPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile String refuseTunnelsWith;

  public LoopbackProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(
        () -> {
          while (!socket.isClosed()) {
            try {
              Socket client = socket.accept();
              open.add(client);
              daemon(() -> serve(client));
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  /** Answers every CONNECT with this status line (e.g. "HTTP/1.1 407 ...") instead of a tunnel. */
  public LoopbackProxy refuseTunnelsWith(String statusLine) {
    this.refuseTunnelsWith = statusLine;
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** A selector that sends every URL through this proxy. */
  public ProxySelector selector() {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port()));
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(proxy);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      if (head == null) {
        client.close();
        return;
      }
      heads.add(head);
      String refusal = refuseTunnelsWith;
      if (head.startsWith("CONNECT ") && refusal != null) {
        out.write((refusal + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        client.close();
        return;
      }
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
      open.add(upstream);
      if (head.startsWith("CONNECT ")) {
        out.write(
            "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } else {
        upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      }
      daemon(() -> pipe(upstreamIn(upstream), out));
      pipe(in, upstream.getOutputStream());
    } catch (IOException e) {
      // a side went away
    }
  }

  private static InputStream upstreamIn(Socket upstream) {
    try {
      return upstream.getInputStream();
    } catch (IOException e) {
      return InputStream.nullInputStream();
    }
  }

  private static void pipe(InputStream from, OutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = from.read(buffer)) >= 0; ) {
        to.write(buffer, 0, n);
        to.flush();
      }
      to.close();
    } catch (IOException e) {
      // a side went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    for (int c; last4 != 0x0d0a0d0a && (c = in.read()) >= 0; ) {
      head.write(c);
      last4 = (last4 << 8) | c;
    }
    return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "loopback proxy");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
