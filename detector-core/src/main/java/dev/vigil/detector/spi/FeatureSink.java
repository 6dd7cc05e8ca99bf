package dev.vigil.detector.spi;

/**
 * Where a {@link FeatureExtractor} writes features. A later value for the same name replaces the
 * earlier one.
 *
 * @since 0.1
 */
public interface FeatureSink {

  /**
   * Sets a feature.
   *
   * @param name {@code extractor.feature}, e.g. {@code behaviour.night}
   * @param value any finite number; NaN and infinities are ignored
   */
  void put(String name, double value);
}
