package dev.vigil.benchmarks;

/**
 * Ids for {@code n} two-party conversations: conversation {@code i} is {@link
 * MessageMix#conversationId(int)}, its parties {@link MessageMix#senderId(int, int)} 0 and 1.
 * The strings are built once, so that the benchmarks do not measure {@code String.format}.
 * Immutable after construction and thread-safe.
 */
public final class Conversations {

  private final String[] ids;
  private final String[] senders;

  private Conversations(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one conversation, got " + n);
    }
    ids = new String[n];
    senders = new String[2 * n];
    for (int i = 0; i < n; i++) {
      ids[i] = MessageMix.conversationId(i);
      senders[2 * i] = MessageMix.senderId(i, 0);
      senders[2 * i + 1] = MessageMix.senderId(i, 1);
    }
  }

  /**
   * Ids for {@code n} conversations.
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public static Conversations of(int n) {
    return new Conversations(n);
  }

  /** How many conversations. */
  public int size() {
    return ids.length;
  }

  /** The id of conversation {@code index}. */
  public String id(int index) {
    return ids[index];
  }

  /** The id of party 0 or 1 of conversation {@code index}. */
  public String sender(int index, int party) {
    return senders[2 * index + party];
  }
}
