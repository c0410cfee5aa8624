package dev.accord.broker.pact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntegrationRepository extends JpaRepository<Integration, Long> {
  Optional<Integration> findByConsumerIdAndProviderId(Long consumerId, Long providerId);

  List<Integration> findByProviderId(Long providerId);

  List<Integration> findByConsumerId(Long consumerId);
}
