package dev.vigil.cli.eval;

import dev.vigil.cli.eval.EvalReport.AlertEpisode;
import dev.vigil.cli.eval.EvalReport.BenignMetrics;
import dev.vigil.cli.eval.EvalReport.ConversationMetrics;
import dev.vigil.cli.eval.EvalReport.EarlyWarning;
import dev.vigil.cli.eval.EvalReport.Latency;
import dev.vigil.cli.eval.EvalReport.SignalMetrics;
import dev.vigil.cli.eval.EvalReport.StageMetrics;
import dev.vigil.cli.input.GoldClass;
import dev.vigil.cli.input.LabelledMessage;
import dev.vigil.cli.input.SmsReader;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Language;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Collects labelled messages with the detector's predictions, then computes an {@link
 * EvalReport}. Feed it every input record in input order ({@link #add} or {@link
 * #addMalformed()}), then call {@link #report}. Not thread-safe.
 *
 * <p>It keeps, per message, the sender, time, labels and prediction (not the text) until the
 * report, because some measures depend on labels that come later in a conversation (who the
 * suspect is, whether the conversation is harmful).
 *
 * <p>Definitions (the report's javadoc repeats them where they are printed):
 *
 * <ul>
 *   <li><b>Conversations.</b> A conversation's gold class is the first {@code gold_class} among
 *       its messages; harmful (GROOMING, SEXTORTION) is positive. It is predicted positive if its
 *       <em>maximum</em> level over all its messages is at or above the threshold level: an alert
 *       that fired once has been seen by a moderator, even if the level later falls. Conversations
 *       without a gold class are left out (in {@code --benign} mode they count as BENIGN). The
 *       language of a conversation is its first message's {@code lang}, else a guess from its id
 *       (see {@link #guessLanguage(String)}); conversations of unknown language count in "all"
 *       only.
 *   <li><b>Stages.</b> Per message, on the suspects' messages only: a suspect is a sender with at
 *       least one {@code gold_stage} in the conversation. Gold and predicted stages are compared
 *       with null as NONE.
 *   <li><b>Signals.</b> Per message, on every message of the labelled conversations, one-vs-rest
 *       per signal; micro-F1 pools the counts of all signals.
 *   <li><b>Early warning.</b> For each harmful conversation: from its first gold-staged message
 *       (its first message if none is staged) to its first message at or above the threshold, in
 *       messages and in seconds of message time (negative if the alert came first), or missed.
 *       The latency-weighted F1 is described at {@link EvalReport.EarlyWarning}.
 *   <li><b>Benign</b> ({@code --benign}). Alerts are (conversation, message) pairs at or above the
 *       threshold, per 1,000 messages; an alert episode is a run of consecutive such messages in
 *       one conversation. Messages tagged {@code spam} (SMS Spam Collection) are counted apart.
 * </ul>
 */
public final class Evaluation {

  /** Evidence items kept per alert episode: the latest ones before and during the episode. */
  static final int EVIDENCE_PER_EPISODE = 40;

  private final Map<String, Conv> conversations = new LinkedHashMap<>();
  private long messages;
  private long malformed;

  /** An empty evaluation. */
  public Evaluation() {}

  /** Adds one scored message, in input order. */
  public void add(LabelledMessage m, Prediction p) {
    messages++;
    String id = m.message().conversationId();
    Conv c = conversations.computeIfAbsent(id, Conv::new);
    if (c.gold == null) {
      c.gold = m.goldClass();
    }
    if (c.language == null) {
      c.language = m.message().language();
    }
    c.messages.add(new Msg(m.message().senderId(), m.message().time(), m.goldStage(),
        m.goldSignals(), p, m.tag()));
  }

  /** Counts one malformed input record. */
  public void addMalformed() {
    malformed++;
  }

  /** Messages added so far. */
  public long messages() {
    return messages;
  }

  /**
   * One outcome per labelled conversation, in input order: its class, the highest risk it reached
   * and whether it was ever CRITICAL (for calibration; see {@link Calibration}).
   *
   * @param benign whether unlabelled conversations count as BENIGN (else they are left out)
   */
  public List<Calibration.Outcome> outcomes(boolean benign) {
    List<Calibration.Outcome> out = new ArrayList<>();
    for (Conv c : conversations.values()) {
      GoldClass gold = c.gold != null ? c.gold : benign ? GoldClass.BENIGN : null;
      if (gold == null) {
        continue;
      }
      double peak = 0;
      for (Msg m : c.messages) {
        peak = Math.max(peak, m.prediction.risk());
      }
      out.add(new Calibration.Outcome(c.id, gold.isHarmful(), peak,
          c.maxLevel() == RiskLevel.CRITICAL));
    }
    return out;
  }

  /**
   * Computes the report.
   *
   * @param threshold the level at or above which a conversation counts as flagged
   * @param benign whether the input is benign reference text: unlabelled conversations count as
   *     BENIGN and the alert section is computed
   */
  public EvalReport report(RiskLevel threshold, boolean benign) {
    List<Conv> labelled = new ArrayList<>();
    for (Conv c : conversations.values()) {
      GoldClass gold = c.gold != null ? c.gold : benign ? GoldClass.BENIGN : null;
      if (gold != null) {
        c.effectiveGold = gold;
        labelled.add(c);
      }
    }
    ConversationMetrics conv = conversationMetrics(labelled, threshold);
    EarlyWarning early = earlyWarning(labelled, threshold, conv.all().f1());
    return new EvalReport(threshold, messages, malformed, conversations.size(), labelled.size(),
        conv, stageMetrics(labelled), signalMetrics(labelled), early,
        benign ? benignMetrics(threshold) : null);
  }

  private static ConversationMetrics conversationMetrics(List<Conv> labelled, RiskLevel threshold) {
    Map<String, BinaryCounts> byLanguage = new TreeMap<>();
    Map<GoldClass, Integer> total = new EnumMap<>(GoldClass.class);
    Map<GoldClass, Integer> flagged = new EnumMap<>(GoldClass.class);
    BinaryCounts all = BinaryCounts.EMPTY;
    for (Conv c : labelled) {
      boolean gold = c.effectiveGold.isHarmful();
      boolean predicted = c.maxLevel().isAtLeast(threshold);
      all = all.add(gold, predicted);
      String lang = c.language != null ? c.language.name().toLowerCase(Locale.ROOT)
          : guessLanguage(c.id);
      if (lang != null) {
        byLanguage.merge(lang, BinaryCounts.EMPTY.add(gold, predicted),
            (a, b) -> new BinaryCounts(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(),
                a.tn() + b.tn()));
      }
      total.merge(c.effectiveGold, 1, Integer::sum);
      flagged.merge(c.effectiveGold, predicted ? 1 : 0, Integer::sum);
    }
    Map<String, BinaryCounts> ordered = new LinkedHashMap<>();
    ordered.put(ConversationMetrics.ALL, all);
    ordered.putAll(byLanguage);
    return new ConversationMetrics(ordered, total, flagged);
  }

  private static StageMetrics stageMetrics(List<Conv> labelled) {
    ConfusionMatrix matrix = new ConfusionMatrix();
    for (Conv c : labelled) {
      Set<String> suspects = new HashSet<>();
      for (Msg m : c.messages) {
        if (m.goldStage != null) {
          suspects.add(m.sender);
        }
      }
      for (Msg m : c.messages) {
        if (suspects.contains(m.sender)) {
          matrix.add(m.goldStage, m.prediction.stage());
        }
      }
    }
    return new StageMetrics(matrix);
  }

  private static SignalMetrics signalMetrics(List<Conv> labelled) {
    long[] tp = new long[Signal.values().length];
    long[] fp = new long[tp.length];
    long[] fn = new long[tp.length];
    long n = 0;
    for (Conv c : labelled) {
      for (Msg m : c.messages) {
        n++;
        for (Signal s : Signal.values()) {
          boolean gold = m.goldSignals.contains(s);
          boolean predicted = m.prediction.signals().contains(s);
          int i = s.ordinal();
          tp[i] += gold && predicted ? 1 : 0;
          fp[i] += !gold && predicted ? 1 : 0;
          fn[i] += gold && !predicted ? 1 : 0;
        }
      }
    }
    Map<Signal, LabelCounts> per = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) {
      per.put(s, new LabelCounts(tp[s.ordinal()], fp[s.ordinal()], fn[s.ordinal()]));
    }
    return new SignalMetrics(n, per);
  }

  private static EarlyWarning earlyWarning(List<Conv> labelled, RiskLevel threshold, double f1) {
    List<Latency> latencies = new ArrayList<>();
    List<Integer> decisionPoints = new ArrayList<>();
    double[] lengths = new double[labelled.size()];
    for (int i = 0; i < labelled.size(); i++) {
      lengths[i] = labelled.get(i).messages.size();
    }
    for (Conv c : labelled) {
      if (!c.effectiveGold.isHarmful()) {
        continue;
      }
      int start = 0;
      for (int i = 0; i < c.messages.size(); i++) {
        if (c.messages.get(i).goldStage != null) {
          start = i;
          break;
        }
      }
      Integer alert = null;
      for (int i = 0; i < c.messages.size(); i++) {
        if (c.messages.get(i).prediction.level().isAtLeast(threshold)) {
          alert = i;
          break;
        }
      }
      Long seconds = alert == null ? null
          : Duration.between(c.messages.get(start).time, c.messages.get(alert).time).toSeconds();
      latencies.add(new Latency(c.id, c.effectiveGold, c.messages.size(), start, alert, seconds));
      if (alert != null) {
        decisionPoints.add(alert + 1);
      }
    }
    double medianLength = lengths.length == 0 ? 0 : Metrics.median(lengths);
    double p = Metrics.penaltySteepness(medianLength);
    return new EarlyWarning(latencies, medianLength, p, f1, Metrics.speed(decisionPoints, p));
  }

  private BenignMetrics benignMetrics(RiskLevel threshold) {
    long counted = 0;
    long alerts = 0;
    int convCounted = 0;
    int convAlerted = 0;
    long spam = 0;
    long spamAlerts = 0;
    List<AlertEpisode> episodes = new ArrayList<>();
    List<AlertEpisode> spamEpisodes = new ArrayList<>();
    for (Conv c : conversations.values()) {
      boolean anyCounted = false;
      boolean alerted = false;
      EpisodeBuilder open = null;
      List<Evidence> recent = new ArrayList<>();
      for (int i = 0; i < c.messages.size(); i++) {
        Msg m = c.messages.get(i);
        boolean isSpam = SmsReader.SPAM.equals(m.tag);
        boolean alert = m.prediction.level().isAtLeast(threshold);
        if (isSpam) {
          spam++;
          spamAlerts += alert ? 1 : 0;
        } else {
          counted++;
          anyCounted = true;
          alerts += alert ? 1 : 0;
          alerted |= alert;
        }
        if (alert) {
          if (open == null) {
            open = new EpisodeBuilder(c.id, i, isSpam, recent);
          }
          open.add(i, m.prediction);
        } else if (open != null) {
          (open.spam ? spamEpisodes : episodes).add(open.build());
          open = null;
        }
        if (open == null) {
          recent.addAll(m.prediction.evidence());
          if (recent.size() > EVIDENCE_PER_EPISODE) {
            recent.subList(0, recent.size() - EVIDENCE_PER_EPISODE).clear();
          }
        }
      }
      if (open != null) {
        (open.spam ? spamEpisodes : episodes).add(open.build());
      }
      convCounted += anyCounted ? 1 : 0;
      convAlerted += alerted ? 1 : 0;
    }
    return new BenignMetrics(counted, alerts, convCounted, convAlerted, episodes, spam,
        spamAlerts, spamEpisodes);
  }

  /**
   * A language code guessed from a conversation id: {@code en} or {@code fr} when the id starts
   * with that code followed by {@code -} or {@code _} (as in the corpus ids {@code en-h-test-001}),
   * or has it as a whole {@code -}/{@code _}-separated part (as in {@code sample-fr-1}); null
   * otherwise.
   */
  public static @Nullable String guessLanguage(String conversationId) {
    for (String part : conversationId.toLowerCase(Locale.ROOT).split("[-_]")) {
      if (part.equals("en") || part.equals("fr")) {
        return part;
      }
    }
    return null;
  }

  /** One conversation's collected messages. */
  private static final class Conv {
    final String id;
    final List<Msg> messages = new ArrayList<>();
    @Nullable GoldClass gold;
    GoldClass effectiveGold = GoldClass.BENIGN;
    @Nullable Language language;

    Conv(String id) {
      this.id = id;
    }

    RiskLevel maxLevel() {
      RiskLevel max = RiskLevel.NONE;
      for (Msg m : messages) {
        if (m.prediction.level().compareTo(max) > 0) {
          max = m.prediction.level();
        }
      }
      return max;
    }
  }

  /** One collected message: no text. */
  private record Msg(
      String sender,
      Instant time,
      @Nullable Stage goldStage,
      Set<Signal> goldSignals,
      Prediction prediction,
      @Nullable String tag) {}

  /** An alert episode being collected. */
  private static final class EpisodeBuilder {
    final String conversation;
    final int first;
    final boolean spam;
    final List<Evidence> evidence;
    int last;
    int count;
    int dropped;
    RiskLevel maxLevel = RiskLevel.NONE;
    double maxRisk;
    @Nullable String suspect;

    EpisodeBuilder(String conversation, int first, boolean spam, List<Evidence> before) {
      this.conversation = conversation;
      this.first = first;
      this.spam = spam;
      this.evidence = new ArrayList<>(before);
    }

    void add(int index, Prediction p) {
      last = index;
      count++;
      if (p.level().compareTo(maxLevel) > 0) {
        maxLevel = p.level();
      }
      maxRisk = Math.max(maxRisk, p.risk());
      if (p.suspect() != null) {
        suspect = p.suspect();
      }
      for (Evidence e : p.evidence()) {
        if (evidence.size() < 2 * EVIDENCE_PER_EPISODE) {
          evidence.add(e);
        } else {
          dropped++;
        }
      }
    }

    AlertEpisode build() {
      return new AlertEpisode(conversation, first, last, count, maxLevel, maxRisk, suspect,
          evidence, dropped);
    }
  }
}
