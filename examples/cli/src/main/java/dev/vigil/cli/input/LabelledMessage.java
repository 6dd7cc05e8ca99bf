package dev.vigil.cli.input;

import dev.vigil.detector.Message;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One well-formed input record: the {@link Message} to score and, in labelled corpora, its gold
 * labels. Immutable and thread-safe.
 *
 * @param line the 1-based line of the input where the record starts
 * @param message the message to give to the tracker
 * @param goldClass the conversation label, or null if the input carries none
 * @param goldStage the message's gold stage, or null (a child's or an ordinary message, or no
 *     labels)
 * @param goldSignals the message's gold signals, empty if none or no labels
 * @param tag a label of the source that is not a Vigil label (the SMS Spam Collection's {@code
 *     ham} or {@code spam}), or null
 */
public record LabelledMessage(
    int line,
    Message message,
    @Nullable GoldClass goldClass,
    @Nullable Stage goldStage,
    Set<Signal> goldSignals,
    @Nullable String tag) {

  /** Copies the signal set so that the record stays immutable. */
  public LabelledMessage {
    Objects.requireNonNull(message, "message");
    goldSignals = Set.copyOf(goldSignals);
  }

  /** An unlabelled message. */
  public static LabelledMessage of(int line, Message message) {
    return new LabelledMessage(line, message, null, null, Set.of(), null);
  }
}
