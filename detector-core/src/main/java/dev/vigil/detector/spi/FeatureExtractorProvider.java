package dev.vigil.detector.spi;

import java.util.Map;

/**
 * Creates a {@link FeatureExtractor} by stable name; registered in {@code
 * META-INF/services/dev.vigil.detector.spi.FeatureExtractorProvider}.
 *
 * @since 0.1
 */
public interface FeatureExtractorProvider {

  /** The stable name, the same as the created extractor's. */
  String name();

  /**
   * Creates the extractor.
   *
   * @throws IllegalArgumentException for an unknown parameter or a bad value
   */
  FeatureExtractor create(Map<String, String> params);
}
