package dev.accord.broker.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TagRepository extends JpaRepository<Tag, Long> {
  Optional<Tag> findByVersionIdAndName(Long versionId, String name);

  List<Tag> findByVersionIdOrderByIdAsc(Long versionId);
}
