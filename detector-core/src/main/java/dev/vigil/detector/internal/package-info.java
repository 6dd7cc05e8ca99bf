/**
 * The engine behind the public API. Not a contract: anything here may change in any release.
 *
 * <p>{@code text}: normalisation that undoes evasions and tokenisation with a map back to the
 * original offsets, then per-language analysis (folding, elision, stemming with Lucene's
 * stemmers). {@code lexicon}: the compiled lexicon packs and their token-pattern matcher.
 * {@code engine}: the detector, the tracker, the per-conversation state, the stage filter and the
 * risk scorer.
 */
@NullMarked
package dev.vigil.detector.internal;

import org.jspecify.annotations.NullMarked;
