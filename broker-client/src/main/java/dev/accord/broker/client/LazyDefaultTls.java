package dev.accord.broker.client;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default TLS context ({@link SSLContext#getDefault()}), built on the first TLS
 * connection instead of when an {@code HttpClient} is built: {@code java.net.http} builds it for
 * every client, and reading the JVM's root certificates is a large part of a short command's
 * start-up when the server (a broker, a provider) is reached over http://. Public so that the
 * verifier's transport uses it too.
 *
 * <p>Give the client {@link #parameters()} too, or it asks this context for its default parameters
 * when it is built: they set nothing, so the engine keeps the JVM's defaults (protocols, cipher
 * suites); with them the JDK client does not offer HTTP/2 over TLS and speaks HTTP/1.1.
 */
public final class LazyDefaultTls extends SSLContext {
  public LazyDefaultTls() {
    super(new Spi(), null, "Default");
  }

  /**
   * No protocol, cipher suite or other setting of their own: a TLS engine keeps the default
   * context's.
   */
  public static SSLParameters parameters() {
    return new SSLParameters();
  }

  private static final class Spi extends SSLContextSpi {
    private SSLContext delegate() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("The JVM has no default TLS context: " + e.getMessage(), e);
      }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("The default TLS context is initialised by the JVM");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return delegate().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return delegate().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return delegate().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return delegate().getSupportedSSLParameters();
    }
  }
}
