package dev.vigil.detector;

import java.util.List;
import java.util.Set;

/**
 * The shared, immutable detection engine: normaliser, language analysis, lexicons, plug-in
 * extractors and classifiers, and the risk model. Build one per process with {@link #builder()}
 * and share it; it is thread-safe. Conversation state lives in the {@link ConversationTracker}s it
 * creates, never in the detector.
 *
 * <pre>{@code
 * Detector detector = Detector.builder().languages(Language.EN, Language.FR).build();
 * ConversationTracker tracker = detector.newTracker();
 * Assessment a = tracker.observe(Message.of("c1", "u1", Instant.now(), "hey"));
 * if (a.isAtLeast(RiskLevel.HIGH)) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public interface Detector {

  /** A builder with the defaults: English and French, plug-ins found with {@code ServiceLoader}. */
  static DetectorBuilder builder() {
    return new DetectorBuilder();
  }

  /** A new, empty tracker with this detector's bounds. Trackers are independent of each other. */
  ConversationTracker newTracker();

  /** The languages this detector analyses. */
  Set<Language> languages();

  /**
   * The names of the extractors and classifiers in this detector's pipeline, in the order they
   * run (e.g. {@code [behaviour, lexicon]}).
   */
  List<String> pipeline();

  /** How this detector calibrates its risk score ({@link DetectorBuilder#calibration}). */
  RiskCalibration calibration();

  /**
   * Whether {@code assessment} calls for an alert under {@code preset}: its calibrated risk is at
   * or above the preset's threshold in this detector's calibration, or its level is CRITICAL.
   */
  default boolean alerts(Assessment assessment, AlertPreset preset) {
    return assessment.level() == RiskLevel.CRITICAL
        || assessment.risk() >= calibration().threshold(preset);
  }
}
