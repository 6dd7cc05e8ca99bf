/**
 * Internal: not a contract, anything here may change in any release (public only for the trainer
 * in this module's tests).
 *
 * <p>{@link dev.vigil.models.internal.HashedFeatures} is the feature function shared by the
 * trainer and the runtime; {@link dev.vigil.models.internal.ModelBundle} loads and verifies a model
 * directory; {@link dev.vigil.models.internal.OnnxModel} runs the models with ONNX Runtime; {@link
 * dev.vigil.models.internal.OutputMapping} calibrates and reports.
 */
@NullMarked
package dev.vigil.models.internal;

import org.jspecify.annotations.NullMarked;
