package dev.accord.broker.environment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnvironmentRepository extends JpaRepository<Environment, Long> {
  Optional<Environment> findByUuid(String uuid);

  Optional<Environment> findByName(String name);

  List<Environment> findAllByOrderByNameAsc();
}
