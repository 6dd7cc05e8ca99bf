package dev.vigil.models;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierContractTestBase;
import java.util.Map;

/**
 * The transformer tier meets the plug-in contract (random Unicode, lone surrogates, emoji, empty
 * and huge messages; determinism; no leak between conversations). Run on every message, so that
 * the encoder reads every random message rather than the few the cascade would let through.
 */
class TransformerClassifierContractTest extends ClassifierContractTestBase {

  @Override
  protected Classifier classifier() {
    return new TransformerClassifierProvider().create(Map.of(TransformerClassifierProvider.EVERY_MESSAGE, "true"));
  }
}
