package dev.vigil.detector;

import java.time.Instant;
import java.util.Optional;

/**
 * Follows many conversations at once, message by message, with bounded memory.
 *
 * <p>Thread-safe: messages of different conversations may be observed concurrently; messages of
 * one conversation are serialised. The tracker keeps per conversation only compact numeric state
 * (stage beliefs, counters, sender ids), never message text. It holds at most {@link
 * DetectorBuilder#maxConversations(int)} conversations, evicting the least recently active one
 * when full, and drops conversations idle for longer than {@link
 * DetectorBuilder#idleTimeout(java.time.Duration)} (measured on the detector's clock).
 *
 * <p>{@link #observe(Message)} never throws for content: odd, empty, huge or hostile text gets a
 * bounded, flagged result. It throws only for a null message.
 *
 * @since 0.1
 */
public interface ConversationTracker {

  /**
   * Scores one message in the context of its conversation and updates that conversation.
   *
   * @throws NullPointerException if {@code message} is null
   */
  Assessment observe(Message message);

  /**
   * The latest assessment of a tracked conversation, if it is tracked and has been observed by
   * this tracker (a conversation just restored from a snapshot has none until its next message).
   */
  Optional<Assessment> current(String conversationId);

  /** How many conversations are tracked now. */
  int size();

  /**
   * The state of one conversation as versioned bytes, for an external state store. Contains no
   * message text. Empty if the conversation is not tracked.
   */
  Optional<byte[]> snapshot(String conversationId);

  /**
   * Replaces the state of one conversation with a snapshot taken by a detector of the same format
   * version.
   *
   * @throws IllegalArgumentException if the bytes are not a valid snapshot (the message says why)
   */
  void restore(String conversationId, byte[] snapshot);

  /** Forgets one conversation; returns whether it was tracked. */
  boolean evict(String conversationId);

  /**
   * Forgets every conversation that has received no message for longer than the idle limit at
   * {@code now} (on the detector's clock). The tracker also sweeps by itself, a few conversations
   * per message; call this to sweep everything, e.g. from a timer when traffic stops.
   *
   * @return how many conversations were dropped
   */
  int evictIdle(Instant now);
}
