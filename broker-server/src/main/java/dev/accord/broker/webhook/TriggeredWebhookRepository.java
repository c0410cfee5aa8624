package dev.accord.broker.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TriggeredWebhookRepository extends JpaRepository<TriggeredWebhook, Long> {
  Optional<TriggeredWebhook> findByUuid(String uuid);

  List<TriggeredWebhook> findByWebhookUuidOrderByIdDesc(String webhookUuid, Limit limit);

  List<TriggeredWebhook> findByPactPublicationIdOrderById(Long pactPublicationId);

  List<TriggeredWebhook> findByVerificationIdOrderById(Long verificationId);
}
