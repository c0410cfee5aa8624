package dev.accord.broker.environment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EnvironmentRepository extends JpaRepository<Environment, Long> {
  Optional<Environment> findByUuid(String uuid);

  /**
   * The environment row locked for the rest of the transaction: record-deployments into one
   * environment take turns.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from Environment e where e.uuid = :uuid")
  Optional<Environment> lockByUuid(@Param("uuid") String uuid);

  Optional<Environment> findByName(String name);

  List<Environment> findAllByOrderByNameAsc();
}
