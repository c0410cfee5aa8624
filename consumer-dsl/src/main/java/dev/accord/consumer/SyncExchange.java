package dev.accord.consumer;

import java.util.List;

/**
 * A synchronous message exchange as the consumer sees it: the request it sends and the response
 * messages it gets back.
 */
public record SyncExchange(Message request, List<Message> responses) {
  public SyncExchange {
    responses = List.copyOf(responses);
  }

  /** The first response message. */
  public Message response() {
    return responses.get(0);
  }
}
