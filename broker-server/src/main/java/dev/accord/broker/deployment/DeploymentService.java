package dev.accord.broker.deployment;

import dev.accord.broker.environment.Environment;
import dev.accord.broker.environment.EnvironmentService;
import dev.accord.broker.pacticipant.Pacticipant;
import dev.accord.broker.pacticipant.PacticipantService;
import dev.accord.broker.version.Version;
import dev.accord.broker.version.VersionService;
import dev.accord.broker.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording deployments (one current per application instance) and releases (many supported at
 * once).
 */
@Service
public class DeploymentService {
  private final PacticipantService pacticipants;
  private final VersionService versions;
  private final EnvironmentService environments;
  private final DeployedVersionRepository deployed;
  private final ReleasedVersionRepository released;

  DeploymentService(
      PacticipantService pacticipants,
      VersionService versions,
      EnvironmentService environments,
      DeployedVersionRepository deployed,
      ReleasedVersionRepository released) {
    this.pacticipants = pacticipants;
    this.versions = versions;
    this.environments = environments;
    this.deployed = deployed;
    this.released = released;
  }

  record Recorded<T>(T record, boolean created) {}

  @Transactional
  Recorded<DeployedVersion> deploy(
      String pacticipantName, String number, String environmentUuid, String applicationInstance) {
    Pacticipant p = pacticipants.require(pacticipantName);
    Version v = versions.require(p, number);
    Environment e = environments.requireLocked(environmentUuid);
    String instance =
        applicationInstance == null || applicationInstance.isBlank() ? null : applicationInstance;
    Optional<DeployedVersion> current =
        deployed.findByCurrentKey(DeployedVersion.key(p.getId(), e.getId(), instance));
    if (current.isPresent()) {
      if (current.get().getVersionId().equals(v.getId())) {
        return new Recorded<>(current.get(), false);
      }
      current.get().undeploy();
      deployed.update(current.get());
    }
    return new Recorded<>(
        deployed.insert(new DeployedVersion(v.getId(), p.getId(), e.getId(), instance)), true);
  }

  @Transactional
  Recorded<ReleasedVersion> release(String pacticipantName, String number, String environmentUuid) {
    Pacticipant p = pacticipants.require(pacticipantName);
    Version v = versions.require(p, number);
    Environment e = environments.require(environmentUuid);
    Optional<ReleasedVersion> existing =
        released.findByVersionIdAndEnvironmentId(v.getId(), e.getId());
    if (existing.isPresent()) {
      existing.get().resumeSupport();
      released.update(existing.get());
      return new Recorded<>(existing.get(), false);
    }
    return new Recorded<>(
        released.insert(new ReleasedVersion(v.getId(), p.getId(), e.getId())), true);
  }

  @Transactional
  DeployedVersion undeploy(String uuid) {
    DeployedVersion d = requireDeployed(uuid);
    if (d.isCurrentlyDeployed()) {
      d.undeploy();
      deployed.update(d);
    }
    return d;
  }

  @Transactional
  ReleasedVersion endSupport(String uuid) {
    ReleasedVersion r = requireReleased(uuid);
    if (r.isCurrentlySupported()) {
      r.endSupport();
      released.update(r);
    }
    return r;
  }

  @Transactional(readOnly = true)
  DeployedVersion requireDeployed(String uuid) {
    return deployed
        .findByUuid(uuid)
        .orElseThrow(() -> ApiException.notFound("Deployed version " + uuid + " not found"));
  }

  @Transactional(readOnly = true)
  ReleasedVersion requireReleased(String uuid) {
    return released
        .findByUuid(uuid)
        .orElseThrow(() -> ApiException.notFound("Released version " + uuid + " not found"));
  }

  @Transactional(readOnly = true)
  public List<DeployedVersion> currentlyDeployed(Environment e, Pacticipant p) {
    return p == null
        ? deployed.findByEnvironmentIdAndUndeployedAtIsNullOrderByIdAsc(e.getId())
        : deployed.findByEnvironmentIdAndPacticipantIdAndUndeployedAtIsNullOrderByIdAsc(
            e.getId(), p.getId());
  }

  @Transactional(readOnly = true)
  public List<ReleasedVersion> currentlySupported(Environment e, Pacticipant p) {
    return p == null
        ? released.findByEnvironmentIdAndSupportEndedAtIsNullOrderByIdAsc(e.getId())
        : released.findByEnvironmentIdAndPacticipantIdAndSupportEndedAtIsNullOrderByIdAsc(
            e.getId(), p.getId());
  }

  @Transactional(readOnly = true)
  public List<DeployedVersion> allCurrentlyDeployed() {
    return deployed.findByUndeployedAtIsNullOrderByIdAsc();
  }

  @Transactional(readOnly = true)
  public List<ReleasedVersion> allCurrentlySupported() {
    return released.findBySupportEndedAtIsNullOrderByIdAsc();
  }
}
