package dev.vigil.detector;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why something fired: which message, which characters, which rule or model, for which stage or
 * signal. A moderator can check it in seconds against the conversation they already hold.
 *
 * <p>Carries no message text unless the detector was built with {@link
 * DetectorBuilder#includeSnippets(boolean)}.
 *
 * @param messageIndex 0-based position of the message in its conversation
 * @param start first character of the span in the original message text (UTF-16 index)
 * @param end one past the last character of the span
 * @param source what fired, as {@code tier:language:id}, e.g. {@code lexicon:en:photo.send_me}
 *     or {@code behaviour:night}
 * @param stage the stage this supports, or null
 * @param signal the signal this supports, or null
 * @param weight how strongly it supports it, in (0, 1]
 * @param snippet the original text of the span, only when snippets were opted into
 * @since 0.1
 */
public record Evidence(
    int messageIndex,
    int start,
    int end,
    String source,
    @Nullable Stage stage,
    @Nullable Signal signal,
    double weight,
    @Nullable String snippet) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if the span or weight is out of range
   */
  public Evidence {
    Objects.requireNonNull(source, "source");
    if (messageIndex < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad evidence span: index=" + messageIndex + " start=" + start + " end=" + end);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("evidence weight must be in [0,1], got " + weight);
    }
  }
}
