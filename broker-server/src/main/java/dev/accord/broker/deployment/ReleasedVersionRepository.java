package dev.accord.broker.deployment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReleasedVersionRepository extends JpaRepository<ReleasedVersion, Long> {
  Optional<ReleasedVersion> findByUuid(String uuid);

  Optional<ReleasedVersion> findByVersionIdAndEnvironmentId(Long versionId, Long environmentId);

  List<ReleasedVersion> findByEnvironmentIdAndSupportEndedAtIsNullOrderByIdAsc(Long environmentId);

  List<ReleasedVersion> findByEnvironmentIdAndPacticipantIdAndSupportEndedAtIsNullOrderByIdAsc(
      Long environmentId, Long pacticipantId);

  List<ReleasedVersion> findByVersionIdOrderByIdAsc(Long versionId);

  List<ReleasedVersion> findBySupportEndedAtIsNullOrderByIdAsc();
}
