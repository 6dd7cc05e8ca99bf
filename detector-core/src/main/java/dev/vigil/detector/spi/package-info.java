/**
 * The plug-in contract: feature extractors and classifiers that the detector runs on every
 * message, found with {@link java.util.ServiceLoader} through their providers or set on the
 * {@link dev.vigil.detector.DetectorBuilder}.
 *
 * <p>Per message, the pipeline runs every {@link dev.vigil.detector.spi.FeatureExtractor}, then
 * every {@link dev.vigil.detector.spi.Classifier} (cheapest first), on a read-only {@link
 * dev.vigil.detector.spi.MessageView}. Classifiers report stage and signal probabilities with the
 * span that supports them to a {@link dev.vigil.detector.spi.ScoreSink}; the engine combines them
 * and feeds the conversation model. Plug-ins are shared across threads and must be thread-safe
 * and stateless between calls; an exception thrown by a plug-in is caught, its output for that
 * message dropped, and the assessment flagged.
 *
 * <p>Providers have a stable {@code name()} and reject parameters they do not know. Never put
 * message text in a log, a field, or an exception message.
 *
 * @since 0.1
 */
@NullMarked
package dev.vigil.detector.spi;

import org.jspecify.annotations.NullMarked;
