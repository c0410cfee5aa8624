package dev.accord.broker.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat settings the Pact clients need: {@code %2F} inside a path segment stays one segment. */
@Configuration(proxyBeanMethods = false)
class WebConfig {
  @Bean
  TomcatConnectorCustomizer encodedSlashPassThrough() {
    return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
  }
}
