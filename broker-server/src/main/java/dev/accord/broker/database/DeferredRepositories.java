package dev.accord.broker.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.data.repository.Repository;

/**
 * The Spring Data repositories are created after the server listens ({@code
 * spring.data.jpa.repositories.bootstrap-mode=deferred}) also when the broker runs on the bean
 * definitions generated at build time (Spring AOT, see {@code BrokerApplication}). Spring Data does
 * this at start by injecting a lazy proxy wherever a repository is needed and creating the
 * repositories once the context is refreshed; the generated definitions keep only the repositories'
 * lazy flag, so without this every service would create its repositories, and wait for Hibernate,
 * before the web layer is set up. Resolved at start, Spring Data's own mechanism runs and this does
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class DeferredRepositories {
  private static final Logger log = LoggerFactory.getLogger(DeferredRepositories.class);

  @Bean
  static BeanFactoryPostProcessor lazyRepositoryInjection() {
    return beanFactory -> {
      if (AotDetector.useGeneratedArtifacts()
          && beanFactory instanceof DefaultListableBeanFactory factory) {
        factory.setAutowireCandidateResolver(new LazyRepositories());
      }
    };
  }

  @Bean
  static RepositoriesAfterRefresh repositoriesAfterRefresh() {
    return new RepositoriesAfterRefresh();
  }

  /** Creates the repositories once the context is refreshed: after the server listens. */
  static final class RepositoriesAfterRefresh
      implements ApplicationListener<ContextRefreshedEvent> {
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
      if (AotDetector.useGeneratedArtifacts()) {
        log.info("Creating the Spring Data repositories (deferred until the server listens)");
        event.getApplicationContext().getBeansOfType(Repository.class);
        log.info("Spring Data repositories created");
      }
    }
  }

  /** Spring's resolver ({@code @Lazy} and qualifiers), with every repository injected lazily. */
  private static final class LazyRepositories extends ContextAnnotationAutowireCandidateResolver {
    @Override
    protected boolean isLazy(DependencyDescriptor descriptor) {
      return super.isLazy(descriptor)
          || Repository.class.isAssignableFrom(descriptor.getDependencyType());
    }
  }
}
