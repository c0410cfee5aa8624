package dev.accord.broker.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat settings the Pact clients need: {@code %2F} inside a path segment stays one segment;
 * Tomcat's own errors in the broker's shape.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {
  @Bean
  TomcatConnectorCustomizer encodedSlashPassThrough() {
    return connector ->
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
  }

  /**
   * Runs after Spring Boot's own customizer (which adds a plain ErrorReportValve) and replaces
   * every error report valve with ours.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsInBrokerShape() {
    return new OrderedCustomizer();
  }

  private static final class OrderedCustomizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              host.setErrorReportValveClass(ContainerErrorReport.class.getName());
              host.getPipeline().addValve(new ContainerErrorReport());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
