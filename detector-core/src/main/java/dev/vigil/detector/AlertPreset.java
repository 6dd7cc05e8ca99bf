package dev.vigil.detector;

/**
 * Three ready-made alert thresholds on the calibrated risk, one per use. Each preset's threshold
 * comes from the detector's {@link RiskCalibration} ({@link RiskCalibration#threshold}); {@link
 * Detector#alerts(Assessment, AlertPreset)} applies it. A CRITICAL conversation alerts under every
 * preset.
 *
 * <p>How the shipped thresholds were chosen, and what they gave on the held-back corpus, is in the
 * calibration file's provenance ({@code dev/vigil/detector/calibration.properties}) and the README.
 *
 * @since 0.1
 */
public enum AlertPreset {

  /**
   * A parent's alert: high precision. Interrupts a family; a false alarm costs trust, so precision
   * weighs more than recall (the threshold with the best F0.5 on the calibration corpus).
   */
  PARENT_ALERT("parent_alert"),

  /**
   * A moderation queue: balanced. The threshold with the best F1 on the calibration corpus; a
   * moderator reviews what it queues.
   */
  MODERATION_QUEUE("moderation_queue"),

  /**
   * Triage of a reported account: high recall. Someone already reported the account, so missing a
   * harmful conversation costs more than reading a benign one (the highest threshold keeping 98%
   * recall on the calibration corpus).
   */
  REPORT_TRIAGE("report_triage");

  private final String key;

  AlertPreset(String key) {
    this.key = key;
  }

  /** The preset's name in calibration files and on the command line, e.g. {@code parent_alert}. */
  public String key() {
    return key;
  }
}
