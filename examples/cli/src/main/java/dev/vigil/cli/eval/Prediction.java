package dev.vigil.cli.eval;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the detector said after one message, as far as evaluation needs it. Immutable and
 * thread-safe. Tests build it directly; the CLI takes it from an {@link Assessment}.
 *
 * @param stage the message's own stage, or null
 * @param signals the message's own signals
 * @param level the conversation's level after the message
 * @param risk the conversation's risk after the message
 * @param suspect the conversation's suspect after the message, or null
 * @param evidence the message's evidence
 */
public record Prediction(
    @Nullable Stage stage,
    Set<Signal> signals,
    RiskLevel level,
    double risk,
    @Nullable String suspect,
    List<Evidence> evidence) {

  /** Copies the collections so that the record stays immutable. */
  public Prediction {
    Objects.requireNonNull(level, "level");
    signals = Set.copyOf(signals);
    evidence = List.copyOf(evidence);
  }

  /** A prediction with no evidence and no suspect. */
  public static Prediction of(@Nullable Stage stage, Set<Signal> signals, RiskLevel level) {
    return new Prediction(stage, signals, level, 0, null, List.of());
  }

  /** The prediction an assessment makes. */
  public static Prediction of(Assessment a) {
    return new Prediction(a.stage(), a.signals(), a.level(), a.risk(), a.suspect(), a.evidence());
  }
}
