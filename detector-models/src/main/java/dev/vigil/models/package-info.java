/**
 * Trained tiers for the detector, found with {@link java.util.ServiceLoader}: {@link
 * dev.vigil.models.TrainedClassifierProvider} (the {@code trained} tier, a linear model over hashed
 * n-grams and conversation context, run with ONNX Runtime) and {@link
 * dev.vigil.models.TransformerClassifierProvider} (the {@code transformer} tier, a sentence encoder
 * such as MiniLM with a HuggingFace tokenizer and a small head over its embeddings; see {@code
 * docs/transformer-tier.md}). Models ship as resources with a
 * manifest and checksums; see the module's README for what they were trained on, their metrics on
 * held-back data and how to retrain them.
 *
 * @since 0.1
 */
@NullMarked
package dev.vigil.models;

import org.jspecify.annotations.NullMarked;
