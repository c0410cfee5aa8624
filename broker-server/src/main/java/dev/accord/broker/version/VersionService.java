package dev.accord.broker.version;

import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.Chunks;
import dev.accord.broker.web.Hal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versions, branches and tags of pacticipants. */
@Service
public class VersionService {
  private final VersionRepository versions;
  private final BranchRepository branches;
  private final BranchVersionRepository branchVersions;
  private final TagRepository tags;
  private final dev.accord.broker.pacticipant.PacticipantService pacticipants;

  VersionService(
      VersionRepository versions,
      BranchRepository branches,
      BranchVersionRepository branchVersions,
      TagRepository tags,
      dev.accord.broker.pacticipant.PacticipantService pacticipants) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.branches = branches;
    this.branchVersions = branchVersions;
    this.tags = tags;
  }

  public static String requireNumber(String field, String number) {
    String problem = numberProblem(number);
    if (problem != null) {
      throw ApiException.invalidField(field, problem);
    }
    return number;
  }

  /**
   * What is wrong with a version number, as a sentence following the field name; null when nothing
   * is.
   */
  public static String numberProblem(String number) {
    if (number == null || number.isBlank()) {
      return "is missing or blank; give the version number, ideally the git SHA";
    }
    if (number.contains("\n") || number.contains("\r")) {
      return "must be a single line";
    }
    return dev.accord.broker.web.Fields.nameProblem(number);
  }

  private static final java.util.Set<String> USUAL_BRANCHES =
      java.util.Set.of("main", "master", "develop", "trunk");

  /**
   * A warning when a version number looks like a branch name rather than a version: it is the name
   * of a branch the version is on, or it has no digits and is a branch name of the pacticipant (or
   * main, master, develop, trunk). Results and pacts are filed under the exact number, so such a
   * number mixes up every build of the branch.
   */
  @Transactional(readOnly = true)
  public Optional<String> branchLikeNumber(Version v, String role, String fix) {
    Pacticipant p = pacticipants.byId(v.getPacticipantId());
    String number = v.getNumber();
    boolean onBranchOfThatName = branchNames(v).contains(number);
    boolean branchWithoutDigits =
        number.chars().noneMatch(Character::isDigit)
            && (USUAL_BRANCHES.contains(number) || branch(p, number).isPresent());
    if (!onBranchOfThatName && !branchWithoutDigits) {
      return Optional.empty();
    }
    return Optional.of(
        role
            + " version '"
            + number
            + "' of "
            + p.getName()
            + " looks like a branch name, not a version: it was accepted and "
            + "filed under the version number '"
            + number
            + "', which every build of that branch would share, so can-i-deploy cannot tell "
            + "them apart. Use the git SHA as the version and give the branch separately ("
            + fix.replace("{branch}", number)
            + ").");
  }

  @Transactional(readOnly = true)
  public Optional<Version> find(Pacticipant p, String number) {
    return versions.findByPacticipantIdAndNumber(p.getId(), number);
  }

  @Transactional(readOnly = true)
  public Version require(Pacticipant p, String number) {
    return find(p, number)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Version '"
                        + number
                        + "' of pacticipant '"
                        + p.getName()
                        + "' not found. Versions are created when a pact or "
                        + "verification result is published for them, or with PUT /pacticipants/"
                        + p.getName()
                        + "/versions/"
                        + number
                        + "."));
  }

  @Transactional
  public Version findOrCreate(Pacticipant p, String number) {
    requireNumber("version", number);
    return versions
        .findByPacticipantIdAndNumber(p.getId(), number)
        .orElseGet(() -> versions.insert(new Version(p.getId(), number)));
  }

  @Transactional(readOnly = true)
  public Version byId(Long id) {
    return versions.findById(id).orElseThrow();
  }

  /** The versions by id, in one statement per 1,000 ids. */
  @Transactional(readOnly = true)
  public Map<Long, Version> byIds(Collection<Long> ids) {
    Map<Long, Version> out = new HashMap<>();
    Chunks.of(ids)
        .forEach(chunk -> versions.findAllById(chunk).forEach(v -> out.put(v.getId(), v)));
    return out;
  }

  @Transactional(readOnly = true)
  public Optional<Version> latest(Pacticipant p) {
    return versions.findFirstByPacticipantIdOrderByIdDesc(p.getId());
  }

  @Transactional(readOnly = true)
  public Optional<Version> latestWithTag(Pacticipant p, String tag) {
    return versions.findLatestWithTag(p.getId(), tag);
  }

  @Transactional(readOnly = true)
  public List<Version> allWithTag(Pacticipant p, String tag) {
    return versions.findAllWithTag(p.getId(), tag);
  }

  @Transactional(readOnly = true)
  public Optional<Version> branchHead(Pacticipant p, String branch) {
    return branches
        .findByPacticipantIdAndName(p.getId(), branch)
        .filter(b -> b.getHeadVersionId() != null)
        .flatMap(b -> versions.findById(b.getHeadVersionId()));
  }

  @Transactional(readOnly = true)
  public List<Version> recent(Pacticipant p, int page, int size) {
    return versions.findByPacticipantIdOrderByIdDesc(p.getId(), (long) page * size, size);
  }

  @Transactional(readOnly = true)
  public long count(Pacticipant p) {
    return versions.countByPacticipantId(p.getId());
  }

  /**
   * Adds the version to the branch (creating it) and makes it the branch head. Returns true when
   * newly added.
   */
  @Transactional
  public boolean addToBranch(Version v, String branchName) {
    Hal.requireName("branch", branchName);
    Branch branch =
        branches
            .findByPacticipantIdAndName(v.getPacticipantId(), branchName)
            .orElseGet(() -> branches.insert(new Branch(v.getPacticipantId(), branchName)));
    if (branchVersions.findByBranchIdAndVersionId(branch.getId(), v.getId()).isPresent()) {
      return false;
    }
    branchVersions.insert(new BranchVersion(branch.getId(), v.getId()));
    branch.setHeadVersionId(v.getId());
    branches.update(branch);
    pacticipants.detectMainBranch(v.getPacticipantId(), branchName);
    return true;
  }

  /** Returns true when the tag is new. */
  @Transactional
  public boolean addTag(Version v, String tagName) {
    Hal.requireName("tag", tagName);
    if (tags.findByVersionIdAndName(v.getId(), tagName).isPresent()) {
      return false;
    }
    tags.insert(new Tag(v.getId(), v.getPacticipantId(), tagName));
    return true;
  }

  @Transactional(readOnly = true)
  public Optional<Tag> tag(Version v, String tagName) {
    return tags.findByVersionIdAndName(v.getId(), tagName);
  }

  @Transactional
  public boolean deleteTag(Version v, String tagName) {
    Optional<Tag> tag = tags.findByVersionIdAndName(v.getId(), tagName);
    tag.ifPresent(tags::delete);
    return tag.isPresent();
  }

  @Transactional(readOnly = true)
  public List<String> tagNames(Version v) {
    return tags.findByVersionIdOrderByIdAsc(v.getId()).stream().map(Tag::getName).toList();
  }

  @Transactional(readOnly = true)
  public List<String> allTagNames(Pacticipant p) {
    return tags.tagNamesOf(p.getId());
  }

  @Transactional(readOnly = true)
  public List<String> branchNames(Version v) {
    return branchVersions.branchNamesOf(v.getId());
  }

  @Transactional(readOnly = true)
  public Optional<Branch> branch(Pacticipant p, String name) {
    return branches.findByPacticipantIdAndName(p.getId(), name);
  }

  @Transactional(readOnly = true)
  public List<Branch> branches(Pacticipant p) {
    return branches.findByPacticipantIdOrderByNameAsc(p.getId());
  }

  @Transactional(readOnly = true)
  public List<Version> branchVersions(Branch b) {
    return branchVersions.findByBranchIdOrderByIdDesc(b.getId()).stream()
        .map(bv -> byId(bv.getVersionId()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<BranchVersion> branchVersion(Branch b, Version v) {
    return branchVersions.findByBranchIdAndVersionId(b.getId(), v.getId());
  }

  /** Deletes the branch and its memberships; versions, pacts and verifications stay. */
  @Transactional
  public void deleteBranch(Branch b) {
    branchVersions.deleteByBranchId(b.getId());
    branches.delete(b);
  }

  @Transactional
  public void removeFromBranch(Branch b, Version v) {
    branchVersions
        .findByBranchIdAndVersionId(b.getId(), v.getId())
        .ifPresent(
            bv -> {
              branchVersions.delete(bv);
              b.setHeadVersionId(
                  branchVersions.latestOf(b.getId()).map(BranchVersion::getVersionId).orElse(null));
              branches.update(b);
            });
  }

  @Transactional
  public void deleteVersion(Version v) {
    versions.delete(v);
  }

  /** Writes a stored version's build URL (the one column a version may change). */
  @Transactional
  public void update(Version v) {
    versions.update(v);
  }
}
