package dev.vigil.detector;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation stands after one message. Immutable and thread-safe.
 *
 * @param conversationId the conversation
 * @param messageIndex the 0-based position of the message in its conversation
 * @param senderId who wrote the message
 * @param stage this message's own stage, or null (a child's message, an ordinary message)
 * @param stageScores this message's score for every stage, in [0,1]
 * @param signals the signals this message fired
 * @param currentStage where the conversation stands now on the ten steps, or null if nowhere yet
 * @param stagesReached every stage the suspect has reached in this conversation
 * @param conversationSignals every signal fired in this conversation so far
 * @param risk the conversation's risk after this message, in [0,1]: with a calibration (the
 *     default), the probability that a conversation whose risk has reached this point is grooming
 *     or sextortion, at the calibration corpus's base rate ({@link RiskCalibration}); without, the
 *     risk model's own score
 * @param level what a moderator should do: set by the risk model from its own score and its
 *     pattern rules (a calibration never changes it)
 * @param suspect the participant whose behaviour carries the risk, or null if none stands out
 * @param escalationPerDay distinct stages the suspect reached per day since their first stage cue
 *     (0 until two stages are reached)
 * @param language the conversation's language as decided so far
 * @param evidence why this message scored as it did (its own evidence; earlier messages' evidence
 *     was returned with them)
 * @param flags conditions that limited this assessment, usually empty
 * @since 0.1
 */
public record Assessment(
    String conversationId,
    int messageIndex,
    String senderId,
    @Nullable Stage stage,
    Map<Stage, Double> stageScores,
    Set<Signal> signals,
    @Nullable Stage currentStage,
    Set<Stage> stagesReached,
    Set<Signal> conversationSignals,
    double risk,
    RiskLevel level,
    @Nullable String suspect,
    double escalationPerDay,
    Language language,
    List<Evidence> evidence,
    Set<AssessmentFlag> flags) {

  /** Copies the collections so that the record stays immutable. */
  public Assessment {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(language, "language");
    stageScores = Map.copyOf(stageScores);
    signals = Set.copyOf(signals);
    stagesReached = Set.copyOf(stagesReached);
    conversationSignals = Set.copyOf(conversationSignals);
    evidence = List.copyOf(evidence);
    flags = Set.copyOf(flags);
  }

  /** This message's score for {@code stage}, 0 if it has none. */
  public double stageScore(Stage stage) {
    Double s = stageScores.get(stage);
    return s == null ? 0 : s;
  }

  /** Whether the conversation is at {@code level} or more severe. */
  public boolean isAtLeast(RiskLevel level) {
    return this.level.isAtLeast(level);
  }
}
