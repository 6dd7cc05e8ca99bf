package dev.vigil.detector.spi;

import dev.vigil.detector.Language;
import java.time.Instant;

/**
 * What a plug-in sees of one message: its text (the scored prefix), its analysed tokens, the
 * features extracted so far and its conversation's context. Valid only during the call that
 * received it: do not keep a reference.
 *
 * @since 0.1
 */
public interface MessageView {

  /** The conversation's id. */
  String conversationId();

  /** The sender's id. */
  String senderId();

  /** When the message was sent. */
  Instant time();

  /** 0-based position of the message in its conversation. */
  int index();

  /** The scored text: the message, or its bounded prefix if it was longer than the limit. */
  String text();

  /** The language this message is analysed in (the conversation's, or the caller's hint). */
  Language language();

  /** How many analysed tokens the message has. */
  int tokenCount();

  /**
   * Token {@code i} as analysed for {@link #language()}: normalised (evasions undone), folded,
   * elided and stemmed.
   */
  String term(int i);

  /** Start of token {@code i} in {@link #text()} (UTF-16 index). */
  int tokenStart(int i);

  /** End (exclusive) of token {@code i} in {@link #text()}. */
  int tokenEnd(int i);

  /** A feature set by an extractor earlier in the pipeline, or {@code missing} if none set it. */
  double feature(String name, double missing);

  /** The conversation around this message, before this message was added. */
  ConversationView conversation();
}
