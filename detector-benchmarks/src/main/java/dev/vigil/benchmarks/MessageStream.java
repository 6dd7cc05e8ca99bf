package dev.vigil.benchmarks;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Message;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * An endless, deterministic stream of {@link Message}s over a range of two-party {@link
 * Conversations}, with the texts of a {@link MessageMix}. Not thread-safe: one per benchmark
 * thread.
 *
 * <p>Which conversation speaks next, and which of its two parties, follows a seeded uniform random
 * sequence (the hard case for caches: no hot set). Texts are taken in mix order, per language;
 * in the {@link MessageMix.Mix#BOTH} mix each conversation keeps one language ({@link
 * MessageMix#languageOf(int)}). Message time starts at 2026-01-01T00:00:00Z and advances so that
 * each conversation gets a message every {@value #SECONDS_PER_ROUND} seconds on average: time
 * never goes backwards within a conversation, and no conversation of the range goes idle however
 * long a benchmark runs. Messages carry no language hint and no sender age, like {@link
 * Message#of}.
 *
 * <p>{@link #next()} creates the {@code Message} (and, once per message-time second, an {@code
 * Instant}), as a caller would: about 40 bytes that the benchmarks' figures include.
 */
public final class MessageStream {

  /** Average message-time seconds between two messages of one conversation. */
  public static final long SECONDS_PER_ROUND = 20;

  /** 2026-01-01T00:00:00Z. */
  public static final long EPOCH_SECOND = 1_767_225_600L;

  private final Conversations conversations;
  private final int from;
  private final int count;
  private final MessageMix.Mix mix;
  private final String[] en;
  private final String[] fr;
  private final int[] sequence;
  private final int mask;
  private long step;
  private long baseSecond = EPOCH_SECOND;
  private int enCursor;
  private int frCursor;
  private long second = Long.MIN_VALUE;
  private Instant instant = Instant.EPOCH;

  /**
   * A stream over conversations {@code [from, to)} of {@code conversations}.
   *
   * @throws IllegalArgumentException if the range is empty or out of bounds
   */
  public MessageStream(MessageMix.Mix mix, Conversations conversations, int from, int to, long seed) {
    if (from < 0 || to > conversations.size() || from >= to) {
      throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of "
          + conversations.size() + " conversations");
    }
    this.conversations = conversations;
    this.from = from;
    this.count = to - from;
    this.mix = mix;
    this.en = MessageMix.english().toArray(new String[0]);
    this.fr = MessageMix.french().toArray(new String[0]);
    int length = Integer.highestOneBit(Math.max(4096, Math.min(4 * count, 1 << 20)) - 1) << 1;
    this.sequence = new int[length];
    this.mask = length - 1;
    Random rnd = new Random(seed);
    for (int i = 0; i < length; i++) {
      sequence[i] = (rnd.nextInt(count) << 1) | rnd.nextInt(2);
    }
  }

  /** A stream over all of {@code conversations}. */
  public MessageStream(MessageMix.Mix mix, Conversations conversations, long seed) {
    this(mix, conversations, 0, conversations.size(), seed);
  }

  /** The next message. */
  public Message next() {
    int s = sequence[(int) (step & mask)];
    long sec = baseSecond + step * SECONDS_PER_ROUND / count;
    step++;
    int conversation = from + (s >>> 1);
    return new Message(conversations.id(conversation), conversations.sender(conversation, s & 1),
        instant(sec), text(conversation), null, null);
  }

  /**
   * Observes {@code messagesPerConversation} messages in every conversation of the range, round
   * by round, the parties taking turns, so that each conversation is tracked with both senders
   * before a benchmark starts. Message time then goes on from where this left it.
   */
  public void prepopulate(ConversationTracker tracker, int messagesPerConversation) {
    for (int round = 0; round < messagesPerConversation; round++) {
      Instant t = instant(baseSecond);
      for (int c = from; c < from + count; c++) {
        tracker.observe(new Message(conversations.id(c), conversations.sender(c, round & 1), t,
            text(c), null, null));
      }
      baseSecond += SECONDS_PER_ROUND;
    }
    baseSecond += step * SECONDS_PER_ROUND / count;
    step = 0;
  }

  /** Makes message time go on from {@code epochSecond}. */
  public void startAt(long epochSecond) {
    baseSecond = epochSecond;
    step = 0;
  }

  /**
   * The next {@code n} messages of one conversation, the parties taking turns, one minute apart.
   */
  public Message[] conversation(int conversation, int n) {
    Message[] out = new Message[n];
    for (int i = 0; i < n; i++) {
      out[i] = new Message(conversations.id(conversation), conversations.sender(conversation, i & 1),
          Instant.ofEpochSecond(baseSecond), text(conversation), null, null);
      baseSecond += 60;
    }
    return out;
  }

  private Instant instant(long sec) {
    if (sec != second) {
      second = sec;
      instant = Instant.ofEpochSecond(sec);
    }
    return instant;
  }

  private String text(int conversation) {
    MessageMix.Mix m = mix == MessageMix.Mix.BOTH ? MessageMix.languageOf(conversation) : mix;
    if (m == MessageMix.Mix.FR) {
      String t = fr[frCursor];
      frCursor = frCursor + 1 == fr.length ? 0 : frCursor + 1;
      return t;
    }
    String t = en[enCursor];
    enCursor = enCursor + 1 == en.length ? 0 : enCursor + 1;
    return t;
  }

  /** The texts of a mix as an array, for the baselines. */
  static String[] texts(MessageMix.Mix mix) {
    List<String> lines = MessageMix.lines(mix);
    return lines.toArray(new String[0]);
  }
}
