package dev.vigil.cli.input;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input record as read: a well-formed {@link LabelledMessage}, or the line number and a short
 * description of what is wrong with it. Exactly one of {@code message} and {@code error} is
 * non-null. Immutable and thread-safe.
 *
 * @param line the 1-based line of the input where the record starts
 * @param message the message, or null if the record is malformed
 * @param error what is wrong with the record (never its text), or null if it is well formed
 */
public record InputLine(int line, @Nullable LabelledMessage message, @Nullable String error) {

  /**
   * Validates that exactly one of message and error is given.
   *
   * @throws IllegalArgumentException if both or neither are given
   */
  public InputLine {
    if ((message == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of message and error must be given, line " + line);
    }
  }

  /** A well-formed record. */
  public static InputLine ok(LabelledMessage message) {
    return new InputLine(message.line(), Objects.requireNonNull(message, "message"), null);
  }

  /** A malformed record at {@code line}. */
  public static InputLine malformed(int line, String error) {
    return new InputLine(line, null, Objects.requireNonNull(error, "error"));
  }

  /** Whether this record is malformed. */
  public boolean isMalformed() {
    return error != null;
  }
}
