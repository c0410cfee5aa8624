package dev.accord.broker.client;

/**
 * The outcome of {@link PactBrokerClient#createOrUpdatePacticipant(PacticipantDetails)}.
 *
 * @param name the pacticipant's name
 * @param created true when it was created, false when an existing one was updated
 * @param json the broker's resource
 */
public record SavedPacticipant(String name, boolean created, String json) {}
