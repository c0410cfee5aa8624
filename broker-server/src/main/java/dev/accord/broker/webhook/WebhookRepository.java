package dev.accord.broker.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookRepository extends JpaRepository<Webhook, Long> {
  Optional<Webhook> findByUuid(String uuid);

  List<Webhook> findAllByOrderById();

  @Query("select w from Webhook w where w.providerId = ?1 order by w.id")
  List<Webhook> forProvider(Long providerId);

  @Query("select w from Webhook w where w.consumerId = ?1 order by w.id")
  List<Webhook> forConsumer(Long consumerId);

  @Query("select w from Webhook w where w.providerId = ?1 and w.consumerId = ?2 order by w.id")
  List<Webhook> forPair(Long providerId, Long consumerId);

  /** Webhooks that fire for this pair: matching or unset consumer and provider. */
  @Query("select distinct w from Webhook w join w.events e where w.enabled = true and e = ?3 "
      + "and (w.consumerId is null or w.consumerId = ?1) and (w.providerId is null or w.providerId = ?2) order by w.id")
  List<Webhook> firingFor(Long consumerId, Long providerId, String event);
}
