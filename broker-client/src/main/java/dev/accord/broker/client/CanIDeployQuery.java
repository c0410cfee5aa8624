package dev.accord.broker.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A can-i-deploy question for the broker's matrix.
 *
 * <pre>{@code
 * CanIDeployQuery query = CanIDeployQuery.of(MatrixSelector.of("orders-service").withVersion(gitSha))
 *     .withEnvironment("production");
 * }</pre>
 *
 * @param selectors the versions being deployed (usually one)
 * @param ignore integrations to leave out of the verdict (pacticipant, optionally one version)
 * @param toTag against the latest version with this tag of every integrated pacticipant (legacy)
 * @param toEnvironment against the versions currently deployed or released in this environment
 * @param mainBranch against the latest main-branch version of each integrated pacticipant
 *     (can-i-merge)
 */
public record CanIDeployQuery(
    List<MatrixSelector> selectors,
    List<MatrixSelector> ignore,
    String toTag,
    String toEnvironment,
    boolean mainBranch) {

  public CanIDeployQuery {
    selectors = List.copyOf(selectors);
    ignore = List.copyOf(ignore);
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException(
          "can-i-deploy needs at least one pacticipant version, e.g. --pacticipant orders-service --version 1a2b3c");
    }
  }

  public static CanIDeployQuery of(MatrixSelector... selectors) {
    return new CanIDeployQuery(List.of(selectors), List.of(), null, null, false);
  }

  public static CanIDeployQuery of(List<MatrixSelector> selectors) {
    return new CanIDeployQuery(selectors, List.of(), null, null, false);
  }

  public CanIDeployQuery withEnvironment(String environment) {
    return new CanIDeployQuery(selectors, ignore, toTag, environment, mainBranch);
  }

  public CanIDeployQuery withTag(String tag) {
    return new CanIDeployQuery(selectors, ignore, tag, toEnvironment, mainBranch);
  }

  public CanIDeployQuery withMainBranch() {
    return new CanIDeployQuery(selectors, ignore, toTag, toEnvironment, true);
  }

  public CanIDeployQuery ignoring(MatrixSelector ignored) {
    List<MatrixSelector> all = new ArrayList<>(ignore);
    all.add(ignored);
    return new CanIDeployQuery(selectors, all, toTag, toEnvironment, mainBranch);
  }
}
