package dev.accord.broker;

import java.net.URL;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

/**
 * Starts the Accord broker: {@code java -jar broker-server.jar} listens on 9292 with an H2 file
 * database.
 */
@SpringBootApplication
public class BrokerApplication {
  /** Spring's switch for the bean definitions generated at build time (Spring AOT). */
  static final String AOT_ENABLED = "spring.aot.enabled";

  public static void main(String[] args) {
    useBuildTimeBeanDefinitions();
    SpringApplication.run(BrokerApplication.class, args);
  }

  /**
   * The broker's jar carries its bean definitions as resolved at build time (the
   * spring-boot-maven-plugin's {@code process-aot}): started from a jar (the packaged one, or the
   * thin one of the extracted layout), it uses them, so the start does not parse the configuration
   * classes, evaluate conditions or scan for components again. Classes run from a directory (the
   * tests, an IDE) are resolved at start as usual, so a generated initializer left in {@code
   * target/classes} by an earlier package never applies to changed code. {@code
   * -Dspring.aot.enabled=false} (or {@code true}) decides either way.
   */
  static void useBuildTimeBeanDefinitions() {
    if (SpringProperties.getProperty(AOT_ENABLED) == null
        && runsFromJar()
        && ClassUtils.isPresent(
            BrokerApplication.class.getName() + "__ApplicationContextInitializer",
            BrokerApplication.class.getClassLoader())) {
      SpringProperties.setProperty(AOT_ENABLED, "true");
    }
  }

  /**
   * Whether this class was loaded from a jar. Asked of the class's own resource, not of its code
   * source: a class that a JDK 25 ahead-of-time cache ({@code -XX:AOTCache}) loads has no code
   * source location, so the broker started with the cache would otherwise resolve its beans at
   * start.
   */
  static boolean runsFromJar() {
    URL resource =
        BrokerApplication.class.getResource(BrokerApplication.class.getSimpleName() + ".class");
    return resource != null && "jar".equals(resource.getProtocol());
  }
}
