package dev.vigil.detector;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One chat message, as a platform hands it to {@link ConversationTracker#observe(Message)}.
 *
 * <p>Immutable and thread-safe. The text is never stored by the tracker, logged, or put in a
 * snapshot; it is read during {@code observe} and dropped.
 *
 * @param conversationId the conversation (a channel, a DM pair, a thread); non-empty
 * @param senderId who wrote the message; non-empty
 * @param time when it was sent; messages of a conversation should arrive in time order
 * @param text what was written; may be empty; longer than the detector's limit is scored on a
 *     bounded prefix and flagged {@link AssessmentFlag#TRUNCATED}
 * @param language the caller's knowledge of the language, or null to let Vigil decide per
 *     conversation
 * @param senderAge the sender's declared age if the platform knows it, or null
 * @since 0.1
 */
public record Message(
    String conversationId,
    String senderId,
    Instant time,
    String text,
    @Nullable Language language,
    @Nullable Integer senderAge) {

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a non-null field is null
   * @throws IllegalArgumentException if an id is empty, the language is UNDETERMINED or the age
   *     is negative
   */
  public Message {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(text, "text");
    if (conversationId.isEmpty()) {
      throw new IllegalArgumentException("conversationId must not be empty");
    }
    if (senderId.isEmpty()) {
      throw new IllegalArgumentException("senderId must not be empty");
    }
    if (language == Language.UNDETERMINED) {
      throw new IllegalArgumentException("language hint must be EN, FR or null, got UNDETERMINED");
    }
    if (senderAge != null && (senderAge < 0 || senderAge > 150)) {
      throw new IllegalArgumentException("senderAge must be in 0..150, got " + senderAge);
    }
  }

  /** A message with no language hint and no known sender age. */
  public static Message of(String conversationId, String senderId, Instant time, String text) {
    return new Message(conversationId, senderId, time, text, null, null);
  }

  /** This message with a language hint. */
  public Message withLanguage(@Nullable Language language) {
    return new Message(conversationId, senderId, time, text, language, senderAge);
  }

  /** This message with the sender's declared age. */
  public Message withSenderAge(@Nullable Integer senderAge) {
    return new Message(conversationId, senderId, time, text, language, senderAge);
  }

  /** Never prints the text: messages end up in exception messages and debug output. */
  @Override
  public String toString() {
    return "Message[conversation=" + conversationId + ", sender=" + senderId + ", time=" + time
        + ", textLength=" + text.length() + "]";
  }
}
