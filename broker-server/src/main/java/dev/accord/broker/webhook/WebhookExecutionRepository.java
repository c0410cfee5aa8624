package dev.accord.broker.webhook;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookExecutionRepository extends JpaRepository<WebhookExecution, Long> {
  List<WebhookExecution> findByTriggeredWebhookIdOrderById(Long triggeredWebhookId);

  List<WebhookExecution> findByTriggeredWebhookIdInOrderById(Collection<Long> triggeredWebhookIds);
}
