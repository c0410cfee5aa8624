package dev.accord.broker.pact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PactPublicationRepository extends JpaRepository<PactPublication, Long> {
  Optional<PactPublication> findByConsumerVersionIdAndProviderId(
      Long consumerVersionId, Long providerId);

  List<PactPublication> findByConsumerVersionId(Long consumerVersionId);

  List<PactPublication> findByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
      Long providerId, Long consumerId);

  Optional<PactPublication> findFirstByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
      Long providerId, Long consumerId);

  Optional<PactPublication> findFirstByPactContentIdOrderByConsumerVersionIdDesc(
      Long pactContentId);

  @Query(
      "select p from PactPublication p where p.providerId = ?1 and p.consumerVersionId = "
          + "(select max(q.consumerVersionId) from PactPublication q where q.providerId = ?1 and q.consumerId = p.consumerId) order by "
          + "p.consumerId")
  List<PactPublication> latestPerConsumer(Long providerId);

  @Query(
      "select p from PactPublication p where p.consumerVersionId = "
          + "(select max(q.consumerVersionId) from PactPublication q where q.providerId = p.providerId and q.consumerId = p.consumerId) order "
          + "by p.consumerId, p.providerId")
  List<PactPublication> latestPerIntegration();

  @Query(
      "select p from PactPublication p where p.providerId = ?1 and p.consumerVersionId in "
          + "(select t.versionId from Tag t where t.pacticipantId = p.consumerId and t.name = ?2) order by p.consumerVersionId desc")
  List<PactPublication> withConsumerTag(Long providerId, String tag);

  @Query(
      "select p from PactPublication p where p.providerId = ?1 and p.consumerVersionId in "
          + "(select bv.versionId from BranchVersion bv join Branch b on b.id = bv.branchId where b.pacticipantId = p.consumerId and b.name = "
          + "?2) order by p.consumerVersionId desc")
  List<PactPublication> withConsumerBranch(Long providerId, String branch);

  @Query(
      "select p from PactPublication p where p.providerId = ?1 and p.consumerVersionId in "
          + "(select bv.versionId from BranchVersion bv join Branch b on b.id = bv.branchId join Pacticipant c on c.id = b.pacticipantId "
          + "where b.pacticipantId = p.consumerId and b.name = c.mainBranch) order by p.consumerVersionId desc")
  List<PactPublication> withConsumerMainBranch(Long providerId);

  /** The publication of the pair's newest consumer version that carries no tag. */
  @Query(
      "select p from PactPublication p where p.providerId = ?1 and p.consumerVersionId = (select max(q.consumerVersionId) "
          + "from PactPublication q where q.providerId = ?1 and q.consumerId = ?2 "
          + "and not exists (select 1 from Tag t where t.versionId = q.consumerVersionId))")
  Optional<PactPublication> latestUntagged(Long providerId, Long consumerId);
}
