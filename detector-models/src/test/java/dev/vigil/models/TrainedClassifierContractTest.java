package dev.vigil.models;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierContractTestBase;
import java.util.Map;

/** The shipped trained tier meets the plug-in contract (random Unicode, emoji, huge messages). */
class TrainedClassifierContractTest extends ClassifierContractTestBase {

  @Override
  protected Classifier classifier() {
    return new TrainedClassifierProvider().create(Map.of());
  }
}
