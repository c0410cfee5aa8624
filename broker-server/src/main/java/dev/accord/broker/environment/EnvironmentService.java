package dev.accord.broker.environment;

import dev.accord.broker.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class EnvironmentService {
  private final EnvironmentRepository environments;

  EnvironmentService(EnvironmentRepository environments) {
    this.environments = environments;
  }

  record Fields(String name, String displayName, boolean production, String contacts) {}

  @Transactional(readOnly = true)
  public List<Environment> all() {
    return environments.findAllByOrderByNameAsc();
  }

  @Transactional(readOnly = true)
  public Environment require(String uuid) {
    return environments
        .findByUuid(uuid)
        .orElseThrow(() -> ApiException.notFound("Environment with UUID " + uuid + " not found"));
  }

  /**
   * The environment, locked until the caller's transaction ends, so that concurrent writers of one
   * environment's current state (one current deployment per instance) take turns instead of racing
   * on a unique key.
   */
  @Transactional
  public Environment requireLocked(String uuid) {
    return environments
        .lockByUuid(uuid)
        .orElseThrow(() -> ApiException.notFound("Environment with UUID " + uuid + " not found"));
  }

  @Transactional(readOnly = true)
  public Optional<Environment> byName(String name) {
    return environments.findByName(name);
  }

  @Transactional
  Environment create(Fields f) {
    if (environments.findByName(f.name()).isPresent()) {
      throw ApiException.conflict(
          "name",
          "name '" + f.name() + "' is already used by an existing environment.",
          java.util.List.of());
    }
    Environment e = new Environment(f.name());
    e.update(f.name(), f.displayName(), f.production(), f.contacts());
    return environments.insert(e);
  }

  @Transactional
  Environment update(String uuid, Fields f) {
    Environment e = require(uuid);
    environments
        .findByName(f.name())
        .filter(other -> !other.getId().equals(e.getId()))
        .ifPresent(
            other -> {
              throw ApiException.conflict(
                  "name",
                  "name '" + f.name() + "' is already used by an existing environment.",
                  java.util.List.of());
            });
    e.update(f.name(), f.displayName(), f.production(), f.contacts());
    environments.update(e);
    return e;
  }

  @Transactional
  void delete(String uuid) {
    environments.delete(require(uuid));
  }
}
