package dev.accord.broker.pacticipant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PacticipantRepository extends JpaRepository<Pacticipant, Long> {
  Optional<Pacticipant> findByName(String name);

  List<Pacticipant> findAllByOrderByNameAsc();

  List<Pacticipant> findAllByOrderByNameAsc(Pageable page);

  /**
   * Names containing {@code part} in any case; {@code %} and {@code _} in it are matched literally.
   */
  List<Pacticipant> findByNameContainingIgnoreCaseOrderByNameAsc(String part, Pageable page);
}
