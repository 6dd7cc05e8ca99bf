package dev.vigil.detector.spi;

import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;

/**
 * Where a {@link Classifier} reports what it found in one message. Scores for the same stage or
 * signal from several reports combine as independent evidence (noisy-or). Spans are UTF-16
 * indices into {@link MessageView#text()}; use {@code 0, 0} for a whole-message judgement.
 *
 * @since 0.1
 */
public interface ScoreSink {

  /**
   * Evidence that the message performs {@code stage}.
   *
   * @param probability in [0,1]; values outside are clamped
   * @param ruleId what fired, short and stable (e.g. {@code secrecy.dont_tell}); never message text
   */
  void stage(Stage stage, double probability, String ruleId, int start, int end);

  /** Evidence that the message carries {@code signal}; same conventions as {@link #stage}. */
  void signal(Signal signal, double probability, String ruleId, int start, int end);

  /**
   * Cancels {@code stage} for this message whatever fires for it (an innocent object: a photo of
   * homework).
   */
  void vetoStage(Stage stage, String ruleId);

  /** Cancels {@code signal} for this message whatever fires for it. */
  void vetoSignal(Signal signal, String ruleId);
}
