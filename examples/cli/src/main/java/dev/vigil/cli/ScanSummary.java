package dev.vigil.cli;

import dev.vigil.cli.eval.EvalReport;
import dev.vigil.cli.input.GoldClass;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The end-of-scan summary on standard error: conversations per final level, throughput,
 * malformed lines, and the top conversations by peak level and risk with their level, suspect, stages,
 * signals and evidence (message index, span, source; the snippet only if the detector includes
 * snippets). Keeps per conversation a few numbers, the latest stage and signal sets and at most
 * {@value #EVIDENCE_KEPT} evidence items, never text. Not thread-safe.
 */
final class ScanSummary {

  static final int EVIDENCE_KEPT = 24;

  private final Map<String, Conv> conversations = new HashMap<>();
  private long messages;
  private long malformed;

  private static final class Conv {
    final String id;
    int messages;
    RiskLevel level = RiskLevel.NONE;
    double risk;
    double peakRisk = -1;
    RiskLevel peakLevel = RiskLevel.NONE;
    int peakIndex;
    @Nullable String suspect;
    Set<Stage> stages = Set.of();
    Set<Signal> signals = Set.of();
    @Nullable GoldClass gold;
    final ArrayDeque<Evidence> evidence = new ArrayDeque<>();
    int evidenceDropped;

    Conv(String id) {
      this.id = id;
    }
  }

  void add(Assessment a, @Nullable GoldClass gold) {
    messages++;
    Conv c = conversations.computeIfAbsent(a.conversationId(), Conv::new);
    c.messages++;
    c.level = a.level();
    c.risk = a.risk();
    if (a.risk() > c.peakRisk) {
      c.peakRisk = a.risk();
      c.peakIndex = a.messageIndex();
    }
    if (a.level().compareTo(c.peakLevel) > 0) {
      c.peakLevel = a.level();
    }
    c.suspect = a.suspect();
    c.stages = a.stagesReached();
    c.signals = a.conversationSignals();
    if (gold != null) {
      c.gold = gold;
    }
    for (Evidence e : a.evidence()) {
      if (c.evidence.size() == EVIDENCE_KEPT) {
        c.evidence.removeFirst();
        c.evidenceDropped++;
      }
      c.evidence.addLast(e);
    }
  }

  void addMalformed() {
    malformed++;
  }

  long messages() {
    return messages;
  }

  long malformed() {
    return malformed;
  }

  void print(PrintStream err, int top, double seconds) {
    err.printf(Locale.ROOT,
        "scan: %,d lines, %,d messages, %,d malformed, %,d conversations in %.2f s (%,.0f messages/s)%n",
        messages + malformed, messages, malformed, conversations.size(), seconds,
        seconds <= 0 ? 0 : messages / seconds);
    Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
    for (RiskLevel l : RiskLevel.values()) {
      byLevel.put(l, 0);
    }
    for (Conv c : conversations.values()) {
      byLevel.merge(c.level, 1, Integer::sum);
    }
    err.println("conversations by final level: " + byLevel.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    if (top <= 0 || conversations.isEmpty()) {
      return;
    }
    List<Conv> ranked = new ArrayList<>(conversations.values());
    // Level first: a CRITICAL conversation (a pattern rule) outranks a HIGH one of higher score.
    ranked.sort(Comparator.comparing((Conv c) -> c.peakLevel, Comparator.reverseOrder())
        .thenComparing(c -> c.peakRisk, Comparator.reverseOrder())
        .thenComparing(c -> c.id));
    int n = Math.min(top, ranked.size());
    err.println("top " + n + " conversations by peak level, then peak risk:");
    for (int i = 0; i < n; i++) {
      Conv c = ranked.get(i);
      err.printf(Locale.ROOT,
          "%2d. %s: peak risk %.3f at message %d, peak level %s; final %.3f %s; suspect %s; %d messages%s%n",
          i + 1, c.id, c.peakRisk, c.peakIndex, c.peakLevel, c.risk, c.level,
          c.suspect == null ? "-" : c.suspect, c.messages,
          c.gold == null ? "" : "; gold " + c.gold);
      err.println("    stages reached: " + names(sortedStages(c.stages)));
      err.println("    signals: " + names(sortedSignals(c.signals)));
      if (c.evidence.isEmpty()) {
        err.println("    evidence: none");
      } else {
        err.println("    evidence" + (c.evidenceDropped > 0
            ? " (latest " + c.evidence.size() + ", " + c.evidenceDropped + " earlier left out)"
            : "") + ":");
        for (String line : EvalReport.describe(List.copyOf(c.evidence))) {
          err.println("      " + line);
        }
      }
    }
  }

  private static EnumSet<Stage> sortedStages(Set<Stage> stages) {
    EnumSet<Stage> s = EnumSet.noneOf(Stage.class);
    s.addAll(stages);
    return s;
  }

  private static EnumSet<Signal> sortedSignals(Set<Signal> signals) {
    EnumSet<Signal> s = EnumSet.noneOf(Signal.class);
    s.addAll(signals);
    return s;
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.isEmpty() ? "none"
        : values.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
