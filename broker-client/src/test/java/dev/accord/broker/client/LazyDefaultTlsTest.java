package dev.accord.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * GIVEN the verifier's HTTP client, WHEN it is built, THEN its TLS context is the JVM's default
 * one, built only on the first TLS connection, and a TLS engine from it has the default context's
 * settings.
 */
class LazyDefaultTlsTest {

  @Test
  void anEngineHasTheDefaultContextsProtocolsAndCipherSuites() throws Exception {
    SSLEngine engine = new LazyDefaultTls().createSSLEngine("provider.example", 443);
    SSLEngine expected = SSLContext.getDefault().createSSLEngine("provider.example", 443);

    assertThat(engine.getEnabledProtocols()).containsExactly(expected.getEnabledProtocols());
    assertThat(engine.getEnabledCipherSuites()).containsExactly(expected.getEnabledCipherSuites());
    assertThat(engine.getPeerHost()).isEqualTo("provider.example");
    assertThat(engine.getUseClientMode()).isEqualTo(expected.getUseClientMode());
  }

  @Test
  void theParametersGivenToTheClientSetNothingOfTheirOwn() {
    assertThat(LazyDefaultTls.parameters().getProtocols()).isNull();
    assertThat(LazyDefaultTls.parameters().getCipherSuites()).isNull();
  }

  @Test
  void itCannotBeInitialisedWithOtherKeysOrTrust() {
    assertThatThrownBy(() -> new LazyDefaultTls().init(null, null, null))
        .isInstanceOf(KeyManagementException.class)
        .hasMessage("The default TLS context is initialised by the JVM");
  }
}
