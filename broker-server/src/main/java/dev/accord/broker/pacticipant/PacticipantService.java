package dev.accord.broker.pacticipant;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, creates and updates pacticipants. Callers run inside a transaction. */
@Service
public class PacticipantService {
  private final PacticipantRepository pacticipants;

  PacticipantService(PacticipantRepository pacticipants) {
    this.pacticipants = pacticipants;
  }

  @Transactional(readOnly = true)
  public Optional<Pacticipant> find(String name) {
    return pacticipants.findByName(name);
  }

  @Transactional(readOnly = true)
  public Pacticipant require(String name) {
    return pacticipants.findByName(name).orElseThrow(() -> ApiException.notFound(
        "Pacticipant '" + name + "' not found. Publish a pact or create it with POST /pacticipants."));
  }

  /** Auto-creation, as publishing and recording verifications do. */
  @Transactional
  public Pacticipant findOrCreate(String name) {
    Hal.requireName("pacticipantName", name);
    return pacticipants.findByName(name).orElseGet(() -> pacticipants.saveAndFlush(new Pacticipant(name)));
  }

  @Transactional(readOnly = true)
  public List<Pacticipant> all() {
    return pacticipants.findAllByOrderByNameAsc();
  }

  @Transactional(readOnly = true)
  public Pacticipant byId(Long id) {
    return pacticipants.findById(id).orElseThrow();
  }

  /** Creates or updates from a JSON object; {@code replace} clears absent fields (PUT). */
  @Transactional
  public Result upsert(String name, PacticipantFields fields, boolean replace, boolean createIfMissing) {
    Optional<Pacticipant> existing = pacticipants.findByName(name);
    if (existing.isEmpty() && !createIfMissing) {
      throw ApiException.notFound("Pacticipant '" + name + "' not found");
    }
    boolean created = existing.isEmpty();
    Pacticipant p = existing.orElseGet(() -> new Pacticipant(Hal.requireName("name", name)));
    if (fields.displayName() != null || replace) {
      p.setDisplayName(fields.displayName());
    }
    if (fields.mainBranch() != null || replace) {
      p.setMainBranch(fields.mainBranch() == null ? null : Hal.requireName("mainBranch", fields.mainBranch()));
    }
    if (fields.repositoryUrl() != null || replace) {
      p.setRepositoryUrl(fields.repositoryUrl());
    }
    return new Result(pacticipants.saveAndFlush(p), created);
  }

  /** Pact's auto-detection: the first branch named develop, main or master becomes the main branch when none is set. */
  @Transactional
  public void detectMainBranch(Long pacticipantId, String branch) {
    if (java.util.Set.of("develop", "main", "master").contains(branch)) {
      pacticipants.findById(pacticipantId).filter(p -> p.getMainBranch() == null).ifPresent(p -> {
        p.setMainBranch(branch);
        pacticipants.save(p);
      });
    }
  }

  @Transactional
  public void delete(String name) {
    pacticipants.delete(require(name));
  }

  /** Fields a client may set on a pacticipant. */
  public record PacticipantFields(String displayName, String mainBranch, String repositoryUrl) {}

  public record Result(Pacticipant pacticipant, boolean created) {}
}
