package dev.accord.broker.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TagRepository extends JpaRepository<Tag, Long> {
  Optional<Tag> findByVersionIdAndName(Long versionId, String name);

  List<Tag> findByVersionIdOrderByIdAsc(Long versionId);

  @Query("select distinct t.name from Tag t where t.pacticipantId = ?1")
  List<String> tagNamesOf(Long pacticipantId);
}
