package dev.vigil.detector;

/**
 * Conditions under which an {@link Assessment} was produced with less than the full input. A
 * flagged assessment is still a valid result; the flag says how far to trust it.
 *
 * @since 0.1
 */
public enum AssessmentFlag {
  /** The message was longer than the detector's limit; only a prefix was scored. */
  TRUNCATED,
  /** The conversation already had the maximum number of tracked senders; this sender is not tracked individually. */
  SENDER_LIMIT,
  /** The message's time is before the conversation's last message; it was scored as if it came now. */
  OUT_OF_ORDER,
  /** The conversation was evicted earlier (capacity or idleness) and restarted from nothing. */
  RESTARTED,
  /** A plug-in threw; its output for this message was dropped and the rest was scored. */
  PLUGIN_FAILURE
}
