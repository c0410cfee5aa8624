package dev.accord.broker.pacticipant;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Hal;
import dev.accord.broker.web.Links;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, creates and updates pacticipants. Callers run inside a transaction. */
@Service
public class PacticipantService {
  private final PacticipantRepository pacticipants;
  private final PacticipantLabels labels;
  private final Links links;
  private final boolean checkSimilarNames;

  PacticipantService(
      PacticipantRepository pacticipants,
      PacticipantLabels labels,
      Links links,
      @Value("${accord.broker.check-for-potential-duplicate-pacticipant-names:true}")
          boolean checkSimilarNames) {
    this.pacticipants = pacticipants;
    this.labels = labels;
    this.links = links;
    this.checkSimilarNames = checkSimilarNames;
  }

  @Transactional(readOnly = true)
  public Optional<Pacticipant> find(String name) {
    return pacticipants.findByName(name);
  }

  @Transactional(readOnly = true)
  public Pacticipant require(String name) {
    return pacticipants
        .findByName(name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Pacticipant '"
                        + name
                        + "' not found. Publish a pact or create it with POST /pacticipants."));
  }

  /**
   * Auto-creation, as publishing and recording verifications do. A new name that differs from
   * existing ones only by case or separators is refused (409) with the Pact Broker's notice, unless
   * {@code accord.broker.check-for-potential-duplicate-pacticipant-names=false}: creating it
   * explicitly ({@code POST /pacticipants}) first is the way to say it is meant.
   */
  @Transactional
  public Pacticipant findOrCreate(String name) {
    Hal.requireName("pacticipantName", name);
    return pacticipants
        .findByName(name)
        .orElseGet(
            () -> {
              refuseLookAlike(name);
              return pacticipants.insert(new Pacticipant(name));
            });
  }

  private void refuseLookAlike(String name) {
    if (!checkSimilarNames) {
      return;
    }
    String key = similarityKey(name);
    List<String> similar =
        pacticipants.findAllByOrderByNameAsc().stream()
            .map(Pacticipant::getName)
            .filter(n -> similarityKey(n).equals(key))
            .toList();
    if (similar.isEmpty()) {
      return;
    }
    String message =
        "This is the first time a pact has been published for \""
            + name
            + "\".\n"
            + "The name \""
            + name
            + "\" is very similar to the following existing consumers/providers:\n"
            + similar.stream().map(n -> "* " + n + "\n").collect(Collectors.joining())
            + "If you meant to specify one of the above names, please correct the pact configuration, and re-publish the pact.\n"
            + "If the pact is intended to be for a new consumer or provider, please manually create \""
            + name
            + "\" using the following command, and then re-publish the pact:\n"
            + "$ curl -v -XPOST -H \"Content-Type: application/json\" -d '{\"name\": \""
            + name
            + "\"}' "
            + links.url("/pacticipants")
            + "\n"
            + "If the pact broker requires authentication, include '-u <username>:<password>' in the command.\n"
            + "To disable this check, set accord.broker.check-for-potential-duplicate-pacticipant-names=false "
            + "(env ACCORD_BROKER_CHECK_FOR_POTENTIAL_DUPLICATE_PACTICIPANT_NAMES=false).";
    throw ApiException.conflict(
        "pacticipantName", message, List.of(Hal.ordered("type", "error", "text", message)));
  }

  /**
   * Names that differ only by case and by separators (space, -, _, .) are look-alikes: "Foo Bar",
   * "foo-bar", "FooBar".
   */
  static String similarityKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.]+", "");
  }

  @Transactional(readOnly = true)
  public List<Pacticipant> all() {
    return pacticipants.findAllByOrderByNameAsc();
  }

  /**
   * One page of the pacticipants by name, those whose name contains {@code query} (any case) when
   * it is not null; {@code pageNumber} counts from 1. Paged by the database.
   */
  @Transactional(readOnly = true)
  public List<Pacticipant> page(String query, int pageNumber, int pageSize) {
    if ((long) (pageNumber - 1) * pageSize > Integer.MAX_VALUE) {
      return List.of(); // past any table the database can page through
    }
    long offset = (long) (pageNumber - 1) * pageSize;
    return query == null
        ? pacticipants.findAllByOrderByNameAsc(offset, pageSize)
        : pacticipants.findByNameContainingIgnoreCaseOrderByNameAsc(query, offset, pageSize);
  }

  @Transactional(readOnly = true)
  public Pacticipant byId(Long id) {
    return pacticipants.findById(id).orElseThrow();
  }

  /** Creates or updates from a JSON object; {@code replace} clears absent fields (PUT). */
  @Transactional
  public Result upsert(
      String name, PacticipantFields fields, boolean replace, boolean createIfMissing) {
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
      p.setMainBranch(
          fields.mainBranch() == null ? null : Hal.requireName("mainBranch", fields.mainBranch()));
    }
    if (fields.repositoryUrl() != null || replace) {
      p.setRepositoryUrl(fields.repositoryUrl());
    }
    if (created) {
      pacticipants.insert(p);
    } else {
      pacticipants.update(p);
    }
    return new Result(p, created);
  }

  /**
   * Pact's auto-detection: the first branch named develop, main or master becomes the main branch
   * when none is set.
   */
  @Transactional
  public void detectMainBranch(Long pacticipantId, String branch) {
    if (java.util.Set.of("develop", "main", "master").contains(branch)) {
      pacticipants
          .findById(pacticipantId)
          .filter(p -> p.getMainBranch() == null)
          .ifPresent(
              p -> {
                p.setMainBranch(branch);
                pacticipants.update(p);
              });
    }
  }

  /** The latest version number of each pacticipant, by id (absent when it has none). */
  @Transactional(readOnly = true)
  public Map<Long, String> latestVersionNumbers(Collection<Long> ids) {
    return labels.latestVersionNumbers(ids);
  }

  /** Label names of each pacticipant, by id. */
  @Transactional(readOnly = true)
  public Map<Long, List<String>> labels(Collection<Long> ids) {
    return labels.of(ids);
  }

  /** Puts a label on a pacticipant; true when it is new. */
  @Transactional
  public boolean addLabel(String name, String label) {
    Hal.requireName("label", label);
    return labels.add(require(name), label);
  }

  @Transactional(readOnly = true)
  public boolean hasLabel(String name, String label) {
    return labels.has(require(name), label);
  }

  @Transactional
  public boolean removeLabel(String name, String label) {
    return labels.remove(require(name), label);
  }

  /** The pacticipants carrying a label, oldest first. */
  @Transactional(readOnly = true)
  public List<Pacticipant> withLabel(String label) {
    return pacticipants.findAllById(labels.pacticipantsWith(label)).stream()
        .sorted(java.util.Comparator.comparing(Pacticipant::getId))
        .toList();
  }

  @Transactional
  public void delete(String name) {
    pacticipants.delete(require(name));
  }

  /** Fields a client may set on a pacticipant. */
  public record PacticipantFields(String displayName, String mainBranch, String repositoryUrl) {}

  public record Result(Pacticipant pacticipant, boolean created) {}
}
