package dev.vigil.models.internal;

/**
 * The models behind the linear tier: the ONNX Runtime sessions in production, Tribuo's in-memory
 * models in the trainer (so that both are evaluated through the same feature and reporting code).
 * Implementations are thread-safe.
 */
public interface ProbabilityModel {

  /**
   * Writes the stage model's and the signal model's probabilities for {@code features} in their
   * label order.
   */
  void predict(SparseVector features, double[] stageOut, double[] signalOut);
}
