package dev.accord.cli.broker;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** SSL contexts for the Pact CLI's TLS flags. */
final class Tls {
  private Tls() {}

  /**
   * A context built by {@code make} on the first TLS connection, not before: reading a PEM bundle
   * and the JVM's roots is most of a short command's start-up, and a broker reached over http://
   * never needs them ({@code SSL_CERT_FILE} is often set machine-wide). What {@code make} throws
   * reaches the caller of that first request.
   */
  static SSLContext lazy(Supplier<SSLContext> make) {
    return new Lazy(new LazySpi(make));
  }

  private static final class Lazy extends SSLContext {
    Lazy(LazySpi spi) {
      super(spi, null, "TLS");
    }
  }

  private static final class LazySpi extends SSLContextSpi {
    private final Supplier<SSLContext> make;
    private SSLContext context;

    LazySpi(Supplier<SSLContext> make) {
      this.make = make;
    }

    private synchronized SSLContext context() {
      if (context == null) {
        context = make.get();
      }
      return context;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("This TLS context is set up from the --ssl-* flags");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return context().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return context().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return context().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return context().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return context().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return context().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return context().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return context().getSupportedSSLParameters();
    }
  }

  /** Trusts every certificate and skips host name checks (the extended trust manager does them). */
  static SSLContext trustAll() {
    return context(
        new TrustManager[] {
          new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(
                X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkServerTrusted(
                X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkClientTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkServerTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        });
  }

  /**
   * Trusts the PEM certificates of {@code pemFile}, and the JVM's default roots when {@code
   * withSystemRoots}.
   */
  static SSLContext trusting(Path pemFile, boolean withSystemRoots) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      Collection<? extends Certificate> certificates;
      try (InputStream in = Files.newInputStream(pemFile)) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "--ssl-certificate "
                + pemFile
                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("accord-" + i++, c);
      }
      List<TrustManager> managers = new ArrayList<>();
      TrustManagerFactory own =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      own.init(store);
      X509TrustManager fromFile = (X509TrustManager) own.getTrustManagers()[0];
      if (!withSystemRoots) {
        managers.add(fromFile);
      } else {
        TrustManagerFactory system =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        managers.add(new Either(fromFile, (X509TrustManager) system.getTrustManagers()[0]));
      }
      return context(managers.toArray(TrustManager[]::new));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot read --ssl-certificate " + pemFile + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext context(TrustManager[] managers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Trusts a chain either trust manager trusts. */
  private static final class Either implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    Either(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      try {
        first.checkClientTrusted(chain, authType);
      } catch (java.security.cert.CertificateException e) {
        second.checkClientTrusted(chain, authType);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (java.security.cert.CertificateException e) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
      all.addAll(List.of(second.getAcceptedIssuers()));
      return all.toArray(X509Certificate[]::new);
    }
  }
}
