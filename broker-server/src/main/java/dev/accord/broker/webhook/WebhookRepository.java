package dev.accord.broker.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookRepository extends JpaRepository<Webhook, Long> {
  Optional<Webhook> findByUuid(String uuid);

  List<Webhook> findAllByOrderById();

  @Query("select w from Webhook w where w.providerId = ?1 order by w.id")
  List<Webhook> forProvider(Long providerId);

  @Query("select w from Webhook w where w.consumerId = ?1 order by w.id")
  List<Webhook> forConsumer(Long consumerId);

  @Query("select w from Webhook w where w.providerId = ?1 and w.consumerId = ?2 order by w.id")
  List<Webhook> forPair(Long providerId, Long consumerId);

  /**
   * Webhooks that fire for this pair: matching or unset consumer and provider, and the labels they
   * are scoped by carried.
   */
  @Query(
      nativeQuery = true,
      value =
          "SELECT w.* FROM webhook w WHERE w.enabled = TRUE "
              + "AND EXISTS (SELECT 1 FROM webhook_event e WHERE e.webhook_id = w.id AND e.name = :event) "
              + "AND (w.consumer_id IS NULL OR w.consumer_id = :consumer) AND (w.provider_id IS NULL OR w.provider_id = :provider) "
              + "AND (w.consumer_label IS NULL OR EXISTS (SELECT 1 FROM pacticipant_label l WHERE l.pacticipant_id = :consumer AND l.name = "
              + "w.consumer_label)) "
              + "AND (w.provider_label IS NULL OR EXISTS (SELECT 1 FROM pacticipant_label l WHERE l.pacticipant_id = :provider AND l.name = "
              + "w.provider_label)) "
              + "ORDER BY w.id")
  List<Webhook> firingFor(
      @Param("consumer") Long consumerId,
      @Param("provider") Long providerId,
      @Param("event") String event);
}
