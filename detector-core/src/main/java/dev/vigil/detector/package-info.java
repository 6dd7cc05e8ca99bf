/**
 * Vigil's public API: recognise online child grooming and sextortion in chat conversations as
 * they happen.
 *
 * <p>Build one thread-safe {@link dev.vigil.detector.Detector} per process with {@link
 * dev.vigil.detector.Detector#builder()}, create a {@link dev.vigil.detector.ConversationTracker}
 * from it, and feed every chat {@link dev.vigil.detector.Message} to {@link
 * dev.vigil.detector.ConversationTracker#observe(Message)}. Each call returns an {@link
 * dev.vigil.detector.Assessment}: the message's own {@link dev.vigil.detector.Stage}, the
 * conversation's current stage and stages reached, the {@link dev.vigil.detector.Signal}s that
 * fired with {@link dev.vigil.detector.Evidence}, a risk score and a {@link
 * dev.vigil.detector.RiskLevel}.
 *
 * <p>Everything in this package is non-null unless marked {@code @Nullable}. Nothing here logs or
 * stores message text; evidence carries spans, not text, unless the caller opts in with {@link
 * dev.vigil.detector.DetectorBuilder#includeSnippets(boolean)}.
 *
 * @since 0.1
 */
@NullMarked
package dev.vigil.detector;

import org.jspecify.annotations.NullMarked;
