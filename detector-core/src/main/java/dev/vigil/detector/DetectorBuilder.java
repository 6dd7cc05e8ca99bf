package dev.vigil.detector;

import dev.vigil.detector.internal.engine.DefaultDetector;
import dev.vigil.detector.internal.engine.DetectorConfig;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.FeatureExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.Set;

/**
 * Configures and builds a {@link Detector}. Not thread-safe; build once and share the detector.
 *
 * <p>Defaults: English and French; at most 1,000,000 tracked conversations and 16 tracked senders
 * per conversation; conversations that receive no message for 45 days (by the detector's clock)
 * are dropped (grooming can run over a month);
 * messages longer than 4,000 characters are scored on their first 4,000 and flagged; plug-ins
 * registered with {@code ServiceLoader} are added after the built-in ones; evidence carries no
 * text.
 *
 * @since 0.1
 */
public final class DetectorBuilder {

  private final EnumSet<Language> languages = EnumSet.of(Language.EN, Language.FR);
  private int maxConversations = 1_000_000;
  private int maxSendersPerConversation = 16;
  private Duration idleTimeout = Duration.ofDays(45);
  private int maxMessageChars = 4_000;
  private Clock clock = Clock.systemUTC();
  private boolean includeSnippets;
  private boolean serviceLoading = true;
  private final List<FeatureExtractor> extractors = new ArrayList<>();
  private final List<Classifier> classifiers = new ArrayList<>();
  private final List<AssessmentListener> listeners = new ArrayList<>();
  private final Map<Language, Path> lexiconFiles = new EnumMap<>(Language.class);
  private @Nullable RiskCalibration calibration;
  private final Map<Signal, RiskLevel> signalFloors = defaultSignalFloors();

  DetectorBuilder() {}

  /**
   * The languages to analyse.
   *
   * @throws IllegalArgumentException if none is given or UNDETERMINED is among them
   */
  public DetectorBuilder languages(Language... languages) {
    if (languages.length == 0) {
      throw new IllegalArgumentException("at least one language is required");
    }
    EnumSet<Language> set = EnumSet.noneOf(Language.class);
    for (Language l : languages) {
      if (Objects.requireNonNull(l, "language") == Language.UNDETERMINED) {
        throw new IllegalArgumentException("UNDETERMINED is not a language to analyse: "
            + Arrays.toString(languages));
      }
      set.add(l);
    }
    this.languages.clear();
    this.languages.addAll(set);
    return this;
  }

  /**
   * The most conversations a tracker holds; past it, the least recently active are evicted.
   *
   * @throws IllegalArgumentException if not positive
   */
  public DetectorBuilder maxConversations(int maxConversations) {
    if (maxConversations < 1) {
      throw new IllegalArgumentException("maxConversations must be positive, got " + maxConversations);
    }
    this.maxConversations = maxConversations;
    return this;
  }

  /**
   * The most senders tracked individually per conversation (group chats); later senders are
   * scored message by message but not tracked, and flagged {@link AssessmentFlag#SENDER_LIMIT}.
   *
   * @throws IllegalArgumentException if below 2 or above 127
   */
  public DetectorBuilder maxSendersPerConversation(int maxSenders) {
    if (maxSenders < 2 || maxSenders > 127) {
      throw new IllegalArgumentException("maxSendersPerConversation must be in 2..127, got " + maxSenders);
    }
    this.maxSendersPerConversation = maxSenders;
    return this;
  }

  /**
   * How long a conversation may go without a message (by {@link #clock(Clock)}) before it is
   * forgotten.
   *
   * @throws IllegalArgumentException if not positive
   */
  public DetectorBuilder idleTimeout(Duration idleTimeout) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    return this;
  }

  /**
   * The clock that idle eviction reads (the wall clock by default). Idleness is measured in
   * processing time, not message time, so that replaying old or unordered data never evicts a
   * conversation that is still receiving messages; inject a controllable clock in tests.
   */
  public DetectorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The longest text scored per message; longer text is scored on this prefix and flagged.
   *
   * @throws IllegalArgumentException if below 16 or above 1,000,000
   */
  public DetectorBuilder maxMessageChars(int maxChars) {
    if (maxChars < 16 || maxChars > 1_000_000) {
      throw new IllegalArgumentException("maxMessageChars must be in 16..1000000, got " + maxChars);
    }
    this.maxMessageChars = maxChars;
    return this;
  }

  /**
   * Whether {@link Evidence#snippet()} carries the matched text. Off by default: snippets are
   * message text, which the caller must then protect like the messages themselves.
   */
  public DetectorBuilder includeSnippets(boolean includeSnippets) {
    this.includeSnippets = includeSnippets;
    return this;
  }

  /**
   * Whether to add the extractors and classifiers registered with {@code ServiceLoader} (for
   * example those of {@code detector-models}). On by default.
   */
  public DetectorBuilder serviceLoading(boolean serviceLoading) {
    this.serviceLoading = serviceLoading;
    return this;
  }

  /** Adds a feature extractor after the built-in ones. */
  public DetectorBuilder addExtractor(FeatureExtractor extractor) {
    extractors.add(Objects.requireNonNull(extractor, "extractor"));
    return this;
  }

  /** Adds a classifier after the built-in lexicon classifier. */
  public DetectorBuilder addClassifier(Classifier classifier) {
    classifiers.add(Objects.requireNonNull(classifier, "classifier"));
    return this;
  }

  /**
   * Replaces the shipped lexicon pack of a language with a pack read from a file in the same
   * format ({@code docs/lexicon-format.md}), e.g. the shipped pack extended with a platform's own
   * vocabulary. The file is compiled when {@link #build()} runs.
   *
   * @throws IllegalArgumentException if the language is UNDETERMINED or the file is not readable
   */
  public DetectorBuilder lexiconFile(Language language, Path file) {
    if (Objects.requireNonNull(language, "language") == Language.UNDETERMINED) {
      throw new IllegalArgumentException("a lexicon belongs to EN or FR, not UNDETERMINED");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("lexicon file is not readable: " + file);
    }
    lexiconFiles.put(language, file);
    return this;
  }

  /**
   * How the risk score is calibrated (default: {@link RiskCalibration#shipped()}). Use {@link
   * RiskCalibration#read} for one fitted on your own labelled conversations with {@code vigil-cli
   * calibrate}, or {@link RiskCalibration#uncalibrated()} for the risk model's own score. Levels do
   * not depend on it.
   */
  public DetectorBuilder calibration(RiskCalibration calibration) {
    this.calibration = Objects.requireNonNull(calibration, "calibration");
    return this;
  }

  /**
   * The lowest conversation level at which every signal is reported; {@link RiskLevel#NONE}
   * reports every signal a rule or model fires, from every participant (to count moves off the
   * platform, or to route every distress cue to a wellbeing team: Vigil is not a self-harm
   * classifier, its distress rules are written for sextortion victims).
   *
   * <p>By default each signal has its own floor. A signal is a fact about one message ("move to
   * Snapchat", "how old are you"), and such facts fire in ordinary conversations every day
   * (DESIGN: friends moving to Discord). The early moves (AGE_QUERY, GIFT_OFFER,
   * PLATFORM_MIGRATION, IMAGE_REQUEST, CAMERA_REQUEST) are reported from LOW: where the risk model
   * sees nothing at all (a family conversation, a busy group room, both sides doing the same) they
   * are everyday chat. The late ones (SECRECY_REQUEST, MEETING_REQUEST, THREAT, PAYMENT_DEMAND,
   * VICTIM_DISTRESS) are reported from MEDIUM: in grooming and sextortion they come once the
   * pattern is there, and at LOW they are look-alikes (a surprise party, a lift with a parent, a
   * sibling's "pay me or I tell mum", "i want to die, 3 games 0 wins"). Below its floor a cue is
   * not in {@link Assessment#signals()} nor {@link Assessment#conversationSignals()}; it stays in
   * {@link Assessment#evidence()}, and the risk model weighs it all the same.
   *
   * <p>From its floor on (unless the floor is NONE), once the risk model names a suspect, a
   * signal is reported as DESIGN defines it: the suspect's moves from the suspect's messages,
   * VICTIM_DISTRESS from the other participants' ("how old are you?" asked back by the child is
   * not the suspect's move).
   *
   * <p>Measured with every tier on the tuning parts (636 conversations, in sample; benign
   * conversations carry no gold signal): signal micro-F1 0.812 with every signal from everyone;
   * 0.826 with one floor of LOW; 0.843 with the roles attributed (109 false reports fewer, no true
   * one lost); 0.854 with the late signals from MEDIUM. Held-out figures are in the README.
   */
  public DetectorBuilder signalFloor(RiskLevel floor) {
    Objects.requireNonNull(floor, "floor");
    signalFloors.replaceAll((signal, old) -> floor);
    return this;
  }

  /**
   * The lowest conversation level at which one signal is reported (see {@link
   * #signalFloor(RiskLevel)}).
   */
  public DetectorBuilder signalFloor(Signal signal, RiskLevel floor) {
    signalFloors.put(Objects.requireNonNull(signal, "signal"),
        Objects.requireNonNull(floor, "floor"));
    return this;
  }

  /** The default floors: early moves from LOW, late steps from MEDIUM. */
  private static Map<Signal, RiskLevel> defaultSignalFloors() {
    Map<Signal, RiskLevel> floors = new EnumMap<>(Signal.class);
    for (Signal signal : Signal.values()) {
      floors.put(signal, switch (signal) {
        case AGE_QUERY, GIFT_OFFER, PLATFORM_MIGRATION, IMAGE_REQUEST, CAMERA_REQUEST ->
            RiskLevel.LOW;
        case SECRECY_REQUEST, MEETING_REQUEST, THREAT, PAYMENT_DEMAND, VICTIM_DISTRESS ->
            RiskLevel.MEDIUM;
      });
    }
    return floors;
  }

  /** Adds a listener for level changes; see {@link AssessmentListener} for its contract. */
  public DetectorBuilder addListener(AssessmentListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the detector: loads and compiles the lexicons of the chosen languages.
   *
   * @throws IllegalStateException if a plug-in name appears twice in the pipeline
   * @throws IllegalArgumentException if a lexicon file is malformed (the message names the line)
   */
  public Detector build() {
    return new DefaultDetector(new DetectorConfig(
        Set.copyOf(languages), maxConversations, maxSendersPerConversation, idleTimeout,
        maxMessageChars, clock, includeSnippets, serviceLoading, List.copyOf(extractors),
        List.copyOf(classifiers), List.copyOf(listeners), Map.copyOf(lexiconFiles),
        calibration != null ? calibration : RiskCalibration.shipped(), Map.copyOf(signalFloors)));
  }
}
