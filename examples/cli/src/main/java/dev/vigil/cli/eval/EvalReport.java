package dev.vigil.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.input.GoldClass;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of an {@link Evaluation}: conversation, stage, signal and early-warning measures,
 * and with {@code --benign} the false alarms on benign text. Immutable after construction and
 * thread-safe. {@link #toJson()} gives one JSON object, {@link #toText()} a readable table; both
 * contain ids, labels, counts, evidence spans and rule names, and never message text (evidence
 * snippets only if the detector was built to include them).
 *
 * <p>The JSON object has at least the numeric fields {@code conversations.precision}, {@code
 * conversations.recall}, {@code conversations.f1}, {@code conversations.f05}, {@code
 * stages.macro_f1}, {@code signals.micro_f1}, {@code early_warning.latency_weighted_f1}, and with
 * {@code --benign} {@code benign.alerts_per_1000}. Measures are rounded to 4 decimals; undefined
 * means and medians are {@code null}.
 */
public final class EvalReport {

  private final RiskLevel threshold;
  private final long messages;
  private final long malformed;
  private final int conversationCount;
  private final int labelledConversations;
  private final ConversationMetrics conversations;
  private final StageMetrics stages;
  private final SignalMetrics signals;
  private final EarlyWarning earlyWarning;
  private final @Nullable BenignMetrics benign;

  EvalReport(RiskLevel threshold, long messages, long malformed, int conversationCount,
      int labelledConversations, ConversationMetrics conversations, StageMetrics stages,
      SignalMetrics signals, EarlyWarning earlyWarning, @Nullable BenignMetrics benign) {
    this.threshold = threshold;
    this.messages = messages;
    this.malformed = malformed;
    this.conversationCount = conversationCount;
    this.labelledConversations = labelledConversations;
    this.conversations = conversations;
    this.stages = stages;
    this.signals = signals;
    this.earlyWarning = earlyWarning;
    this.benign = benign;
  }

  /** The level at or above which a conversation or message counts as flagged. */
  public RiskLevel threshold() {
    return threshold;
  }

  /** Well-formed messages scored. */
  public long messages() {
    return messages;
  }

  /** Malformed input records. */
  public long malformed() {
    return malformed;
  }

  /** Conversation-level measures. */
  public ConversationMetrics conversations() {
    return conversations;
  }

  /** Per-message stage measures on suspects' messages. */
  public StageMetrics stages() {
    return stages;
  }

  /** Per-message signal measures. */
  public SignalMetrics signals() {
    return signals;
  }

  /** Time to alert on harmful conversations and the latency-weighted F1. */
  public EarlyWarning earlyWarning() {
    return earlyWarning;
  }

  /** False alarms on benign text, or null if not asked for. */
  public @Nullable BenignMetrics benign() {
    return benign;
  }

  // ---------------------------------------------------------------------------------------------
  // Sections

  /**
   * Conversation-level decisions: positive = GROOMING or SEXTORTION; predicted positive = the
   * conversation's maximum level over its messages is at or above the threshold.
   *
   * @param byLanguage counts for {@code all}, then per language code when known
   * @param total conversations per gold class
   * @param flagged conversations per gold class predicted positive
   */
  public record ConversationMetrics(
      Map<String, BinaryCounts> byLanguage,
      Map<GoldClass, Integer> total,
      Map<GoldClass, Integer> flagged) {

    /** The key of the counts over all conversations. */
    public static final String ALL = "all";

    /** Copies the maps. */
    public ConversationMetrics {
      byLanguage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLanguage));
      total = Map.copyOf(total);
      flagged = Map.copyOf(flagged);
    }

    /** The counts over all labelled conversations. */
    public BinaryCounts all() {
      return byLanguage.getOrDefault(ALL, BinaryCounts.EMPTY);
    }
  }

  /**
   * Per-message stages on the suspects' messages (a suspect has at least one gold stage in the
   * conversation), null counted as NONE.
   *
   * @param confusion gold × predicted
   */
  public record StageMetrics(ConfusionMatrix confusion) {

    /** Validates the matrix. */
    public StageMetrics {
      Objects.requireNonNull(confusion, "confusion");
    }

    /** One stage's counts. */
    public LabelCounts counts(Stage stage) {
      return confusion.counts(stage);
    }

    /** Mean F1 over the stages with support &gt; 0. */
    public double macroF1() {
      return confusion.macroF1();
    }
  }

  /**
   * Per-message signals over all messages of labelled conversations.
   *
   * @param messages messages counted
   * @param perSignal one-vs-rest counts of each signal
   */
  public record SignalMetrics(long messages, Map<Signal, LabelCounts> perSignal) {

    /** Copies the map. */
    public SignalMetrics {
      perSignal = Map.copyOf(perSignal);
    }

    /** The counts of all signals pooled. */
    public LabelCounts micro() {
      LabelCounts sum = new LabelCounts(0, 0, 0);
      for (LabelCounts c : perSignal.values()) {
        sum = sum.plus(c);
      }
      return sum;
    }

    /** Micro-averaged F1. */
    public double microF1() {
      return micro().f1();
    }

    /** Mean F1 over the signals with support &gt; 0. */
    public double macroF1() {
      double sum = 0;
      int n = 0;
      for (LabelCounts c : perSignal.values()) {
        if (c.support() > 0) {
          sum += c.f1();
          n++;
        }
      }
      return n == 0 ? 0 : sum / n;
    }
  }

  /**
   * Time to alert on one harmful conversation.
   *
   * @param conversation the conversation id
   * @param gold its class
   * @param length its number of messages
   * @param start the 0-based position of its first gold-staged message (0 if none is staged)
   * @param alert the 0-based position of its first message at or above the threshold, or null if
   *     missed
   * @param seconds message time from start to alert, or null if missed
   */
  public record Latency(
      String conversation,
      GoldClass gold,
      int length,
      int start,
      @Nullable Integer alert,
      @Nullable Long seconds) {

    /** Messages from the start to the alert (negative if the alert came first), or null. */
    public @Nullable Integer messages() {
      return alert == null ? null : alert - start;
    }
  }

  /**
   * Early warning on harmful conversations.
   *
   * <p><b>Latency-weighted F1</b> (implemented exactly as follows). Vogt, Leser and Akbik (2021,
   * "Early detection of sexual predators in chats", ACL) score early sexual predator detection
   * with the latency-weighted F1 of Sadeque, Xu and Bethard (2018). This class implements that
   * measure: {@code latency_weighted_f1 = F1 × speed}, where F1 is the conversation-level F1 over
   * all labelled conversations, {@code speed = 1 − median over the true positives of penalty(k)},
   * {@code penalty(k) = −1 + 2 / (1 + exp(−p·(k − 1)))}, k is the number of messages read when the
   * conversation first reached the threshold (the 0-based alert position + 1, counted from the
   * conversation's first message), and {@code p = ln(3) / (m − 1)} with m the median number of
   * messages per labelled conversation of the evaluated input, so that the penalty is 0.5 at the
   * median length. The speed is 0 when there is no true positive. The exact choice of p in Vogt et
   * al. could not be checked against the paper when this was written; the steepness is reported
   * beside the score so that runs stay comparable.
   *
   * @param conversations one entry per harmful conversation, in input order
   * @param medianLength m, the median number of messages per labelled conversation
   * @param p the penalty steepness
   * @param f1 the conversation-level F1
   * @param speed the speed factor
   */
  public record EarlyWarning(
      List<Latency> conversations,
      double medianLength,
      double p,
      double f1,
      double speed) {

    /** Copies the list. */
    public EarlyWarning {
      conversations = List.copyOf(conversations);
    }

    /** F1 × speed. */
    public double latencyWeightedF1() {
      return Metrics.latencyWeightedF1(f1, speed);
    }

    /** Harmful conversations that reached the threshold. */
    public long detected() {
      return conversations.stream().filter(l -> l.alert() != null).count();
    }

    /** Harmful conversations that never reached the threshold. */
    public long missed() {
      return conversations.size() - detected();
    }

    private double[] messagesToAlert() {
      return conversations.stream().filter(l -> l.alert() != null)
          .mapToDouble(l -> Objects.requireNonNull(l.messages())).toArray();
    }

    private double[] secondsToAlert() {
      return conversations.stream().filter(l -> l.seconds() != null)
          .mapToDouble(l -> Objects.requireNonNull(l.seconds())).toArray();
    }

    /** Mean messages from the first staged message to the alert, or null if none detected. */
    public @Nullable Double meanMessages() {
      double[] v = messagesToAlert();
      return v.length == 0 ? null : Metrics.mean(v);
    }

    /** Median messages from the first staged message to the alert, or null if none detected. */
    public @Nullable Double medianMessages() {
      double[] v = messagesToAlert();
      return v.length == 0 ? null : Metrics.median(v);
    }

    /** Mean seconds from the first staged message to the alert, or null if none detected. */
    public @Nullable Double meanSeconds() {
      double[] v = secondsToAlert();
      return v.length == 0 ? null : Metrics.mean(v);
    }

    /** Median seconds from the first staged message to the alert, or null if none detected. */
    public @Nullable Double medianSeconds() {
      double[] v = secondsToAlert();
      return v.length == 0 ? null : Metrics.median(v);
    }
  }

  /**
   * A run of consecutive messages of one conversation at or above the threshold.
   *
   * @param conversation the conversation id
   * @param first 0-based position of the first message of the run
   * @param last 0-based position of the last message of the run
   * @param messages messages in the run
   * @param maxLevel the highest level in the run
   * @param maxRisk the highest risk in the run
   * @param suspect the suspect named during the run, or null
   * @param evidence the latest evidence before the run and the evidence during it
   * @param evidenceDropped evidence items left out to keep the listing bounded
   */
  public record AlertEpisode(
      String conversation,
      int first,
      int last,
      int messages,
      RiskLevel maxLevel,
      double maxRisk,
      @Nullable String suspect,
      List<Evidence> evidence,
      int evidenceDropped) {

    /** Copies the list. */
    public AlertEpisode {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * False alarms on benign text. An alert is a (conversation, message) pair at or above the
   * threshold. Messages tagged spam are counted apart.
   *
   * @param messages benign messages counted (spam excluded)
   * @param alerts benign messages at or above the threshold
   * @param conversations conversations with at least one counted message
   * @param conversationsAlerted conversations ever at or above the threshold on a counted message
   * @param episodes alert episodes on counted messages
   * @param spamMessages messages tagged spam
   * @param spamAlerts spam messages at or above the threshold
   * @param spamEpisodes alert episodes on spam messages
   */
  public record BenignMetrics(
      long messages,
      long alerts,
      int conversations,
      int conversationsAlerted,
      List<AlertEpisode> episodes,
      long spamMessages,
      long spamAlerts,
      List<AlertEpisode> spamEpisodes) {

    /** Copies the lists. */
    public BenignMetrics {
      episodes = List.copyOf(episodes);
      spamEpisodes = List.copyOf(spamEpisodes);
    }

    /** Alerts per 1,000 counted messages (0 if none). */
    public double alertsPer1000() {
      return messages == 0 ? 0 : alerts * 1000.0 / messages;
    }

    /** Alert episodes (first alerts) per 1,000 counted messages (0 if none). */
    public double episodesPer1000() {
      return messages == 0 ? 0 : episodes.size() * 1000.0 / messages;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The report as one JSON object. */
  public ObjectNode toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("threshold_level", threshold.name());
    ObjectNode input = root.putObject("input");
    input.put("messages", messages);
    input.put("malformed_lines", malformed);
    input.put("conversations", conversationCount);
    input.put("labelled_conversations", labelledConversations);

    ObjectNode conv = root.putObject("conversations");
    putBinary(conv, conversations.all());
    conv.put("predicted_positive", "max level over the conversation's messages >= " + threshold);
    ObjectNode byLang = conv.putObject("by_language");
    conversations.byLanguage().forEach((lang, counts) -> putBinary(byLang.putObject(lang), counts));
    ObjectNode byClass = conv.putObject("by_class");
    for (GoldClass g : GoldClass.values()) {
      Integer n = conversations.total().get(g);
      if (n != null) {
        ObjectNode c = byClass.putObject(g.name());
        c.put("conversations", n);
        c.put("flagged", conversations.flagged().getOrDefault(g, 0));
      }
    }

    ObjectNode st = root.putObject("stages");
    st.put("messages", stages.confusion().total());
    st.put("macro_f1", round(stages.macroF1()));
    ObjectNode perStage = st.putObject("per_stage");
    for (Stage s : Stage.values()) {
      putLabel(perStage.putObject(s.name()), stages.counts(s));
    }
    ObjectNode confusion = st.putObject("confusion");
    ArrayNode labels = confusion.putArray("labels");
    ConfusionMatrix.labels().forEach(labels::add);
    ArrayNode rows = confusion.putArray("matrix");
    for (long[] row : stages.confusion().toArray()) {
      ArrayNode r = rows.addArray();
      for (long c : row) {
        r.add(c);
      }
    }

    ObjectNode sig = root.putObject("signals");
    sig.put("messages", signals.messages());
    sig.put("micro_f1", round(signals.microF1()));
    sig.put("macro_f1", round(signals.macroF1()));
    LabelCounts micro = signals.micro();
    sig.put("micro_precision", round(micro.precision()));
    sig.put("micro_recall", round(micro.recall()));
    ObjectNode perSignal = sig.putObject("per_signal");
    for (Signal s : Signal.values()) {
      putLabel(perSignal.putObject(s.name()), signals.perSignal().get(s));
    }

    ObjectNode ew = root.putObject("early_warning");
    ew.put("harmful_conversations", earlyWarning.conversations().size());
    ew.put("detected", earlyWarning.detected());
    ew.put("missed", earlyWarning.missed());
    putNullable(ew, "mean_messages", earlyWarning.meanMessages());
    putNullable(ew, "median_messages", earlyWarning.medianMessages());
    putNullable(ew, "mean_seconds", earlyWarning.meanSeconds());
    putNullable(ew, "median_seconds", earlyWarning.medianSeconds());
    ew.put("f1", round(earlyWarning.f1()));
    ew.put("speed", round(earlyWarning.speed()));
    ew.put("latency_weighted_f1", round(earlyWarning.latencyWeightedF1()));
    ew.put("penalty_p", round(earlyWarning.p()));
    ew.put("median_conversation_length", earlyWarning.medianLength());
    ArrayNode list = ew.putArray("conversations");
    for (Latency l : earlyWarning.conversations()) {
      ObjectNode o = list.addObject();
      o.put("conversation", l.conversation());
      o.put("gold_class", l.gold().name());
      o.put("length", l.length());
      o.put("start", l.start());
      if (l.alert() == null) {
        o.put("alert", "missed");
      } else {
        o.put("alert", l.alert());
        o.put("messages", l.messages());
        o.put("seconds", l.seconds());
      }
    }

    if (benign != null) {
      ObjectNode b = root.putObject("benign");
      b.put("messages", benign.messages());
      b.put("alerts", benign.alerts());
      b.put("alerts_per_1000", round(benign.alertsPer1000()));
      b.put("alert_episodes", benign.episodes().size());
      b.put("alert_episodes_per_1000", round(benign.episodesPer1000()));
      b.put("conversations", benign.conversations());
      b.put("conversations_alerted", benign.conversationsAlerted());
      putEpisodes(b.putArray("episodes"), benign.episodes());
      if (benign.spamMessages() > 0) {
        ObjectNode sp = b.putObject("spam");
        sp.put("messages", benign.spamMessages());
        sp.put("alerts", benign.spamAlerts());
        putEpisodes(sp.putArray("episodes"), benign.spamEpisodes());
      }
    }
    return root;
  }

  private static void putEpisodes(ArrayNode array, List<AlertEpisode> episodes) {
    for (AlertEpisode e : episodes) {
      ObjectNode o = array.addObject();
      o.put("conversation", e.conversation());
      o.put("first_index", e.first());
      o.put("last_index", e.last());
      o.put("messages", e.messages());
      o.put("max_level", e.maxLevel().name());
      o.put("max_risk", round(e.maxRisk()));
      o.put("suspect", e.suspect());
      ArrayNode ev = o.putArray("evidence");
      for (Evidence x : e.evidence()) {
        ObjectNode eo = ev.addObject();
        eo.put("index", x.messageIndex());
        eo.put("start", x.start());
        eo.put("end", x.end());
        eo.put("source", x.source());
        eo.put("stage", x.stage() == null ? null : x.stage().name());
        eo.put("signal", x.signal() == null ? null : x.signal().name());
        eo.put("weight", round(x.weight()));
        if (x.snippet() != null) {
          eo.put("snippet", x.snippet());
        }
      }
      if (e.evidenceDropped() > 0) {
        o.put("evidence_dropped", e.evidenceDropped());
      }
    }
  }

  private static void putBinary(ObjectNode o, BinaryCounts c) {
    o.put("precision", round(c.precision()));
    o.put("recall", round(c.recall()));
    o.put("f1", round(c.f1()));
    o.put("f05", round(c.f05()));
    o.put("false_positive_rate", round(c.falsePositiveRate()));
    o.put("tp", c.tp());
    o.put("fp", c.fp());
    o.put("fn", c.fn());
    o.put("tn", c.tn());
  }

  private static void putLabel(ObjectNode o, LabelCounts c) {
    o.put("precision", round(c.precision()));
    o.put("recall", round(c.recall()));
    o.put("f1", round(c.f1()));
    o.put("support", c.support());
    o.put("tp", c.tp());
    o.put("fp", c.fp());
    o.put("fn", c.fn());
  }

  private static void putNullable(ObjectNode o, String field, @Nullable Double value) {
    if (value == null) {
      o.putNull(field);
    } else {
      o.put(field, round(value));
    }
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  /** The report as readable text tables, ending with a newline. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "%d messages, %d conversations (%d labelled), %d malformed lines; flagged = level >= %s%n",
        messages, conversationCount, labelledConversations, malformed, threshold));

    sb.append(String.format(Locale.ROOT,
        "%nConversations (positive = GROOMING or SEXTORTION; predicted = max level >= %s)%n",
        threshold));
    sb.append(String.format(Locale.ROOT, "  %-6s %5s %4s %4s %4s %4s  %9s %7s %6s %6s %6s%n",
        "lang", "n", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "f0.5", "fpr"));
    conversations.byLanguage().forEach((lang, c) -> sb.append(String.format(Locale.ROOT,
        "  %-6s %5d %4d %4d %4d %4d  %9.3f %7.3f %6.3f %6.3f %6.3f%n", lang, c.total(), c.tp(),
        c.fp(), c.fn(), c.tn(), c.precision(), c.recall(), c.f1(), c.f05(),
        c.falsePositiveRate())));
    List<String> byClass = new ArrayList<>();
    for (GoldClass g : GoldClass.values()) {
      Integer n = conversations.total().get(g);
      if (n != null) {
        byClass.add(g + " " + conversations.flagged().getOrDefault(g, 0) + "/" + n);
      }
    }
    if (!byClass.isEmpty()) {
      sb.append("  flagged by class: ").append(String.join(", ", byClass)).append('\n');
    }

    sb.append(String.format(Locale.ROOT,
        "%nStages (per message, suspects' messages only: %d messages)%n",
        stages.confusion().total()));
    sb.append(String.format(Locale.ROOT, "  %-20s %7s %9s %7s %6s%n", "stage", "support",
        "precision", "recall", "f1"));
    for (Stage s : Stage.values()) {
      LabelCounts c = stages.counts(s);
      sb.append(String.format(Locale.ROOT, "  %-20s %7d %9.3f %7.3f %6.3f%n",
          s.number() + " " + s.name(), c.support(), c.precision(), c.recall(), c.f1()));
    }
    sb.append(String.format(Locale.ROOT, "  macro F1 over stages with support > 0: %.3f%n",
        stages.macroF1()));
    sb.append("  confusion (rows gold, columns predicted; stages by number):\n");
    sb.append(String.format(Locale.ROOT, "  %-20s", ""));
    sb.append(String.format(Locale.ROOT, "%5s", "NONE"));
    for (Stage s : Stage.values()) {
      sb.append(String.format(Locale.ROOT, "%5d", s.number()));
    }
    sb.append('\n');
    long[][] m = stages.confusion().toArray();
    List<String> labels = ConfusionMatrix.labels();
    for (int i = 0; i < m.length; i++) {
      String label = i == 0 ? labels.get(0) : i + " " + labels.get(i);
      sb.append(String.format(Locale.ROOT, "  %-20s", label));
      for (long c : m[i]) {
        sb.append(String.format(Locale.ROOT, "%5d", c));
      }
      sb.append('\n');
    }

    sb.append(String.format(Locale.ROOT, "%nSignals (per message, all labelled messages: %d)%n",
        signals.messages()));
    sb.append(String.format(Locale.ROOT, "  %-20s %7s %9s %7s %6s%n", "signal", "support",
        "precision", "recall", "f1"));
    for (Signal s : Signal.values()) {
      LabelCounts c = signals.perSignal().get(s);
      sb.append(String.format(Locale.ROOT, "  %-20s %7d %9.3f %7.3f %6.3f%n", s.name(),
          c.support(), c.precision(), c.recall(), c.f1()));
    }
    LabelCounts micro = signals.micro();
    sb.append(String.format(Locale.ROOT,
        "  micro: precision %.3f, recall %.3f, F1 %.3f; macro F1 %.3f%n", micro.precision(),
        micro.recall(), micro.f1(), signals.macroF1()));

    sb.append(String.format(Locale.ROOT,
        "%nEarly warning (harmful conversations; from the first gold-staged message to the first"
            + " message >= %s)%n", threshold));
    if (!earlyWarning.conversations().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  %-24s %-10s %6s %5s %5s %8s %9s%n", "conversation",
          "class", "length", "start", "alert", "messages", "seconds"));
      for (Latency l : earlyWarning.conversations()) {
        sb.append(String.format(Locale.ROOT, "  %-24s %-10s %6d %5d %5s %8s %9s%n",
            l.conversation(), l.gold(), l.length(), l.start(),
            l.alert() == null ? "-" : l.alert().toString(),
            l.alert() == null ? "missed" : String.valueOf(l.messages()),
            l.seconds() == null ? "-" : String.valueOf(l.seconds())));
      }
    }
    sb.append(String.format(Locale.ROOT,
        "  detected %d of %d, missed %d; messages to alert mean %s median %s;"
            + " seconds to alert mean %s median %s%n",
        earlyWarning.detected(), earlyWarning.conversations().size(), earlyWarning.missed(),
        fmt(earlyWarning.meanMessages()), fmt(earlyWarning.medianMessages()),
        fmt(earlyWarning.meanSeconds()), fmt(earlyWarning.medianSeconds())));
    sb.append(String.format(Locale.ROOT,
        "  latency-weighted F1 = F1 %.3f x speed %.3f = %.3f (penalty p = %.4f, median length %s)%n",
        earlyWarning.f1(), earlyWarning.speed(), earlyWarning.latencyWeightedF1(),
        earlyWarning.p(), fmt(earlyWarning.medianLength())));

    if (benign != null) {
      sb.append(String.format(Locale.ROOT, "%nBenign text (alert = a message at level >= %s)%n",
          threshold));
      sb.append(String.format(Locale.ROOT,
          "  %d alerts in %d messages: %.3f alerts per 1,000 messages; %d alert episodes"
              + " (%.3f per 1,000); %d of %d conversations ever >= %s%n",
          benign.alerts(), benign.messages(), benign.alertsPer1000(), benign.episodes().size(),
          benign.episodesPer1000(), benign.conversationsAlerted(), benign.conversations(),
          threshold));
      appendEpisodes(sb, benign.episodes());
      if (benign.spamMessages() > 0) {
        sb.append(String.format(Locale.ROOT,
            "  spam (counted apart): %d of %d spam messages >= %s%n", benign.spamAlerts(),
            benign.spamMessages(), threshold));
        appendEpisodes(sb, benign.spamEpisodes());
      }
    }
    return sb.toString();
  }

  private static void appendEpisodes(StringBuilder sb, List<AlertEpisode> episodes) {
    for (AlertEpisode e : episodes) {
      sb.append(String.format(Locale.ROOT,
          "  - %s messages %d..%d (%d at >= threshold), max %s %.3f, suspect %s%n",
          e.conversation(), e.first(), e.last(), e.messages(), e.maxLevel(), e.maxRisk(),
          e.suspect() == null ? "-" : e.suspect()));
      for (String line : describe(e.evidence())) {
        sb.append("      ").append(line).append('\n');
      }
      if (e.evidenceDropped() > 0) {
        sb.append("      (").append(e.evidenceDropped()).append(" more evidence items left out)\n");
      }
    }
  }

  /**
   * Evidence as readable lines, one per (message, span, source): message index, span, source,
   * what it supports (stages and signals of the items that share the span and source), the
   * largest weight and, if the detector included it, the snippet.
   */
  public static List<String> describe(List<Evidence> evidence) {
    List<String> lines = new ArrayList<>();
    int i = 0;
    while (i < evidence.size()) {
      Evidence e = evidence.get(i);
      List<String> what = new ArrayList<>(2);
      double weight = 0;
      int j = i;
      for (; j < evidence.size(); j++) {
        Evidence x = evidence.get(j);
        if (x.messageIndex() != e.messageIndex() || x.start() != e.start() || x.end() != e.end()
            || !x.source().equals(e.source())) {
          break;
        }
        if (x.stage() != null && !what.contains(x.stage().name())) {
          what.add(x.stage().name());
        }
        if (x.signal() != null && !what.contains(x.signal().name())) {
          what.add(x.signal().name());
        }
        weight = Math.max(weight, x.weight());
      }
      StringBuilder sb = new StringBuilder();
      sb.append('#').append(e.messageIndex()).append(" [").append(e.start()).append(',')
          .append(e.end()).append(") ").append(e.source());
      if (!what.isEmpty()) {
        sb.append(" -> ").append(String.join(", ", what));
      }
      sb.append(String.format(Locale.ROOT, " w=%.2f", weight));
      if (e.snippet() != null) {
        sb.append(" \"").append(e.snippet().replace('\n', ' ').replace('\r', ' ')).append('"');
      }
      lines.add(sb.toString());
      i = j;
    }
    return lines;
  }

  private static String fmt(@Nullable Double v) {
    if (v == null) {
      return "-";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e12
        ? String.valueOf(v.longValue())
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
