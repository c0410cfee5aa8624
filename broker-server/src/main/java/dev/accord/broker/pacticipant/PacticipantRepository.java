package dev.accord.broker.pacticipant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PacticipantRepository extends JpaRepository<Pacticipant, Long> {
  Optional<Pacticipant> findByName(String name);

  List<Pacticipant> findAllByOrderByNameAsc();
}
