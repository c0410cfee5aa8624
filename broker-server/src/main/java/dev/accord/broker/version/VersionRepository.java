package dev.accord.broker.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VersionRepository extends JpaRepository<Version, Long> {
  Optional<Version> findByPacticipantIdAndNumber(Long pacticipantId, String number);

  Optional<Version> findFirstByPacticipantIdOrderByIdDesc(Long pacticipantId);

  List<Version> findByPacticipantIdOrderByIdDesc(Long pacticipantId, Pageable page);

  long countByPacticipantId(Long pacticipantId);

  @Query(
      "select v from Version v where v.id = (select max(t.versionId) from Tag t where t.pacticipantId = ?1 and t.name = ?2)")
  Optional<Version> findLatestWithTag(Long pacticipantId, String tag);

  @Query(
      "select v from Version v where v.pacticipantId = ?1 and v.id in (select t.versionId from Tag t where t.pacticipantId = ?1 and "
          + "t.name = ?2) order by v.id desc")
  List<Version> findAllWithTag(Long pacticipantId, String tag);
}
