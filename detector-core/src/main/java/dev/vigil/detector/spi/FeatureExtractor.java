package dev.vigil.detector.spi;

/**
 * Computes named numeric features of one message (behaviour, timing, context) for the
 * classifiers after it. Thread-safe and stateless between calls.
 *
 * @since 0.1
 */
public interface FeatureExtractor {

  /** A stable name, also the prefix of its feature names ({@code behaviour.night}). */
  String name();

  /** Writes this extractor's features of {@code message} to {@code out}. */
  void extract(MessageView message, FeatureSink out);
}
