package dev.accord.broker.verification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VerificationRepository extends JpaRepository<Verification, Long> {
  Optional<Verification> findFirstByPactContentIdOrderByIdDesc(Long pactContentId);

  Optional<Verification> findByProviderIdAndIdempotencyKey(Long providerId, String idempotencyKey);

  Optional<Verification> findFirstByPactContentIdAndProviderVersionIdOrderByIdDesc(
      Long pactContentId, Long providerVersionId);

  /**
   * Every result for the content, newest provider version first (index
   * ix_verification_content_provider_version).
   */
  List<Verification> findByPactContentIdOrderByProviderVersionIdDescIdDesc(Long pactContentId);

  List<Verification> findByPactContentIdAndSuccessTrue(Long pactContentId);

  Optional<Verification> findFirstByPactContentIdAndSuccessTrueOrderByIdDesc(Long pactContentId);

  /**
   * Whether a provider version on the given branch verified the content successfully (WIP results
   * count only when {@code includeWip}); one query instead of loading every success and its
   * version's branches.
   */
  @Query(
      "select case when count(v) > 0 then true else false end from Verification v where v.pactContentId = ?1 and v.success = true "
          + "and (?3 = true or v.wip = false) and exists (select bv.id from BranchVersion bv join Branch b on b.id = bv.branchId "
          + "where bv.versionId = v.providerVersionId and b.pacticipantId = v.providerId and b.name = ?2)")
  boolean successByProviderBranch(Long pactContentId, String branch, boolean includeWip);

  /**
   * Whether a provider version with the given tag verified the content successfully (WIP results
   * count only when {@code includeWip}).
   */
  @Query(
      "select case when count(v) > 0 then true else false end from Verification v where v.pactContentId = ?1 and v.success = true "
          + "and (?3 = true or v.wip = false) and exists (select t.id from Tag t where t.versionId = v.providerVersionId and t.name = ?2)")
  boolean successByProviderTag(Long pactContentId, String tag, boolean includeWip);

  /** The numbers of the provider versions that verified the content, newest first. */
  @Query(
      "select pv.number from Verification v join Version pv on pv.id = v.providerVersionId where v.pactContentId = ?1 "
          + "group by pv.id, pv.number order by pv.id desc")
  List<String> providerVersionNumbers(Long pactContentId, Pageable page);

  /**
   * The numbers, among {@code numbers}, under which provider versions verified the content, newest
   * first.
   */
  @Query(
      "select pv.number from Verification v join Version pv on pv.id = v.providerVersionId where v.pactContentId = ?1 and pv.number in "
          + "?2 "
          + "group by pv.id, pv.number order by pv.id desc")
  List<String> providerVersionNumbersAmong(
      Long pactContentId, Collection<String> numbers, Pageable page);
}
