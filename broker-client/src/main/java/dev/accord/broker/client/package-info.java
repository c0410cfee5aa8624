/**
 * A typed client of the Pact Broker HTTP API, for Accord's broker and any Pact Broker.
 *
 * <p>Start from {@link dev.accord.broker.client.PactBrokerClient}:
 *
 * <pre>{@code
 * PactBrokerClient broker = PactBrokerClient.builder().baseUrl("https://broker.example.com").build();
 *
 * // provider side
 * List<PactForVerification> pacts = broker.pactsForVerification(
 *     "products-service", List.of(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased()),
 *     "main", true, null);
 *
 * // consumer side
 * broker.publishContracts(PublishRequest.of(gitSha, Contracts.read(List.of(Path.of("target/pacts")))).withBranch("main"));
 *
 * // deploy gate
 * DeployDecision decision = broker.canIDeploy(
 *     CanIDeployQuery.of(MatrixSelector.of("orders-service").withVersion(gitSha)).withEnvironment("production"));
 * }</pre>
 *
 * <p>Everything under {@code dev.accord.broker.client.internal} may change without notice.
 */
package dev.accord.broker.client;
