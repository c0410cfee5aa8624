package dev.accord.broker.pact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PactContentRepository extends JpaRepository<PactContent, Long> {
  Optional<PactContent> findByConsumerIdAndProviderIdAndSha(
      Long consumerId, Long providerId, String sha);

  @Query(
      "select new dev.accord.broker.pact.ContentRef(c.id, c.sha) from PactContent c where c.id = ?1")
  Optional<ContentRef> findRefById(Long id);

  @Query(
      "select new dev.accord.broker.pact.ContentRef(c.id, c.sha) from PactContent c where c.id in ?1")
  List<ContentRef> findRefsByIdIn(Collection<Long> ids);
}
