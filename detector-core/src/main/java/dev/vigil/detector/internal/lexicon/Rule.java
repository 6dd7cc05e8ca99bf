package dev.vigil.detector.internal.lexicon;

import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;

/**
 * A compiled lexicon rule or veto: a pattern of {@link Slot}s and what it supports. Immutable.
 */
final class Rule {

  final int index;
  final String id;
  /** {@code lexicon:LANG:ID}, the evidence source a moderator sees. */
  final String source;
  final Stage[] stages;
  final Signal[] signals;
  final double weight;
  final boolean veto;
  /** Context frames a {@code frame} line sets for the conversation ({@link Lexicon#FRAME_FAMILY}); 0 otherwise. */
  final int frames;
  final Slot[] slots;
  /** The slots that must match one of their single terms, smallest set first (cheap to reject). */
  final Slot[] required;

  Rule(int index, String id, String source, Stage[] stages, Signal[] signals, double weight,
      boolean veto, int frames, Slot[] slots) {
    this.index = index;
    this.id = id;
    this.source = source;
    this.stages = stages;
    this.signals = signals;
    this.weight = weight;
    this.veto = veto;
    this.frames = frames;
    this.slots = slots;
    this.required = java.util.Arrays.stream(slots).filter(Slot::isRequiredTermSet)
        .sorted(java.util.Comparator.comparingInt(x -> x.singles.length)).toArray(Slot[]::new);
  }
}
