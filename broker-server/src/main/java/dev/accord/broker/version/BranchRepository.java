package dev.accord.broker.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BranchRepository extends JpaRepository<Branch, Long> {
  Optional<Branch> findByPacticipantIdAndName(Long pacticipantId, String name);

  List<Branch> findByPacticipantIdOrderByNameAsc(Long pacticipantId);
}
