package dev.accord.broker.deployment;

import dev.accord.broker.web.Expected;
import dev.accord.broker.web.Fields;
import dev.accord.broker.web.Text;
import jakarta.validation.constraints.NotNull;

/**
 * The bodies of the deployment and release endpoints, as {@code pact broker record-deployment} and
 * friends send them.
 */
final class DeploymentRequests {
  private DeploymentRequests() {}

  /**
   * The optional body of {@code POST .../deployed-versions/environment/{uuid}}: the application
   * instance, also accepted under its old name {@code target}.
   */
  record Deploy(
      @Text(max = Fields.NAME) String applicationInstance, @Text(max = Fields.NAME) String target) {
    static final Deploy NONE = new Deploy(null, null);

    String instance() {
      return applicationInstance != null ? applicationInstance : target;
    }
  }

  /**
   * The body of {@code PATCH /deployed-versions/{uuid}}: {@code {"currentlyDeployed": false}}
   * records the undeployment.
   */
  record Undeploy(
      @Expected(UNDEPLOY) @NotNull(message = "must be " + UNDEPLOY) Boolean currentlyDeployed) {}

  /**
   * The body of {@code PATCH /released-versions/{uuid}}: {@code {"currentlySupported": false}}
   * records the end of support.
   */
  record EndSupport(
      @Expected(END_SUPPORT) @NotNull(message = "must be " + END_SUPPORT)
          Boolean currentlySupported) {}

  static final String UNDEPLOY = "false to record an undeployment: {\"currentlyDeployed\":false}";
  static final String END_SUPPORT =
      "false to record the end of support: {\"currentlySupported\":false}";
}
