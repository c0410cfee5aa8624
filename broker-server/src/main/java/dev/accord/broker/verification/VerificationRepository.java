package dev.accord.broker.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VerificationRepository extends JpaRepository<Verification, Long> {
  Optional<Verification> findFirstByPactContentIdOrderByIdDesc(Long pactContentId);

  Optional<Verification> findFirstByPactContentIdAndProviderVersionIdOrderByIdDesc(Long pactContentId, Long providerVersionId);

  /** Every result for the content, newest provider version first (index ix_verification_content_provider_version). */
  List<Verification> findByPactContentIdOrderByProviderVersionIdDescIdDesc(Long pactContentId);

  List<Verification> findByPactContentIdAndSuccessTrue(Long pactContentId);
}
