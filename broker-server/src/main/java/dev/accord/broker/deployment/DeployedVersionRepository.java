package dev.accord.broker.deployment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeployedVersionRepository extends JpaRepository<DeployedVersion, Long> {
  Optional<DeployedVersion> findByUuid(String uuid);

  Optional<DeployedVersion> findByCurrentKey(String currentKey);

  List<DeployedVersion> findByEnvironmentIdAndUndeployedAtIsNullOrderByIdAsc(Long environmentId);

  List<DeployedVersion> findByEnvironmentIdAndPacticipantIdAndUndeployedAtIsNullOrderByIdAsc(
      Long environmentId, Long pacticipantId);

  List<DeployedVersion> findByVersionIdOrderByIdAsc(Long versionId);

  List<DeployedVersion> findByUndeployedAtIsNullOrderByIdAsc();
}
