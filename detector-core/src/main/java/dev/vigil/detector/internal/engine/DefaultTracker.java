package dev.vigil.detector.internal.engine;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.AssessmentFlag;
import dev.vigil.detector.AssessmentListener;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Language;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.internal.lexicon.Lexicon;
import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.internal.text.Tokenizer;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.FeatureExtractor;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming tracker: one {@link ConversationState} per conversation in a concurrent map,
 * each updated under its own monitor.
 *
 * <p>Design note on bounds: with every message, a sweep looks at a few entries from a cursor that
 * walks the map round-robin and drops those idle on the detector's clock; on overflow it drops
 * the least recently active of a small sample (sampled LRU, as Redis does): O(1)
 * amortised per message, no global lock on the hot path, no ordering structure to maintain.
 */
final class DefaultTracker implements ConversationTracker {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultTracker.class);
  static final double STAGE_THRESHOLD = 0.5;
  static final double SIGNAL_THRESHOLD = 0.5;
  /** The threshold for the suspect of a conversation already at MEDIUM or above. */
  static final double CONTEXT_THRESHOLD = 0.35;
  /** The one signal that is the target's, not the suspect's (DESIGN: VICTIM_DISTRESS). */
  private static final int DISTRESS_BIT = 1 << Signal.VICTIM_DISTRESS.ordinal();
  private static final int SWEEP_PER_MESSAGE = 2;
  private static final int EVICTION_SAMPLE = 16;
  private static final Stage[] STAGES = Stage.values();
  private static final Signal[] SIGNALS = Signal.values();
  private static final RiskLevel[] LEVELS = RiskLevel.values();

  private final DefaultDetector detector;
  private final DetectorConfig config;
  private final ConcurrentHashMap<String, ConversationState> conversations = new ConcurrentHashMap<>();
  private final ReentrantLock sweepLock = new ReentrantLock();
  private Iterator<ConversationState> cursor;
  /** Hashes of recently evicted conversation ids, to flag a restart (may rarely err). */
  private final int[] evictedHashes = new int[4096];
  private final long idleMillis;
  /** By level ordinal: the signals reported in a conversation at that level (their floors). */
  private final int[] reportedAt = new int[RiskLevel.values().length];
  /** Signals whose floor is NONE: reported raw, from every participant. */
  private final int reportedFromEveryone;

  DefaultTracker(DefaultDetector detector) {
    this.detector = detector;
    this.config = detector.config;
    this.cursor = conversations.values().iterator();
    this.idleMillis = config.idleTimeout().toMillis();
    int raw = 0;
    for (Signal signal : SIGNALS) {
      int floor = config.signalFloors().get(signal).ordinal();
      for (int level = floor; level < reportedAt.length; level++) {
        reportedAt[level] |= 1 << signal.ordinal();
      }
      raw |= floor == 0 ? 1 << signal.ordinal() : 0;
    }
    this.reportedFromEveryone = raw;
  }

  @Override
  public Assessment observe(Message message) {
    Objects.requireNonNull(message, "message");
    long now = config.clock().millis();
    for (int attempt = 0; ; attempt++) {
      ConversationState state = stateFor(message.conversationId(), now);
      synchronized (state) {
        // Evicted between lookup and lock (by a sweep or another thread)? Start again, unless
        // that keeps happening, in which case score against this detached state.
        if (conversations.get(message.conversationId()) != state && attempt < 3) {
          continue;
        }
        state.touchedMillis = now;
        RiskLevel previous = LEVELS[state.level];
        Assessment assessment = observeLocked(state, message, detector.scratch());
        if (assessment.level() != previous) {
          // Under the conversation's monitor, so that a conversation's changes arrive in order.
          notifyListeners(previous, assessment);
        }
        return assessment;
      }
    }
  }

  /** The conversation's state, created if new; sweeps a few idle conversations on the way. */
  private ConversationState stateFor(String id, long now) {
    ConversationState state = conversations.get(id);
    if (state != null) {
      state.touchedMillis = now; // before the sweep, so that it is not taken for idle
    } else {
      ConversationState fresh = new ConversationState(id);
      fresh.restarted = wasEvicted(id);
      fresh.touchedMillis = now;
      state = conversations.putIfAbsent(id, fresh);
      if (state == null) {
        state = fresh;
        if (conversations.size() > config.maxConversations()) {
          evictForCapacity(state);
        }
      }
    }
    sweep(SWEEP_PER_MESSAGE);
    return state;
  }

  private Assessment observeLocked(ConversationState state, Message message, DefaultDetector.Scratch sc) {
    EnumSet<AssessmentFlag> flags = EnumSet.noneOf(AssessmentFlag.class);
    if (state.restarted && state.messageCount == 0) {
      flags.add(AssessmentFlag.RESTARTED);
    }
    long now = message.time().getEpochSecond();
    if (state.lastTime != Long.MIN_VALUE && now < state.lastTime) {
      flags.add(AssessmentFlag.OUT_OF_ORDER);
      now = state.lastTime;
    }
    String fullText = message.text();
    boolean truncated = Tokenizer.tokenize(fullText, config.maxMessageChars(), sc.text);
    if (truncated) {
      flags.add(AssessmentFlag.TRUNCATED);
    }

    // Language: the caller's hint, else the conversation's accumulated evidence.
    Language hint = message.language();
    // Once the evidence is overwhelming, counting function words again tells nothing new.
    boolean settled = Math.abs(state.frenchLogOdds) >= LanguageGuess.SETTLED;
    if ((hint == null || !detector.analyzers.containsKey(hint)) && !settled) {
      state.updateLanguage(LanguageGuess.update(state.frenchLogOdds, sc.text,
          detector.analyzers.get(Language.EN), detector.analyzers.get(Language.FR)));
    }
    Language decided = hint != null && detector.analyzers.containsKey(hint) ? hint : state.language();
    if (!detector.analyzers.containsKey(decided)) {
      decided = Language.UNDETERMINED; // e.g. French evidence in an English-only detector
    }
    Language primary = decided;
    if (!detector.analyzers.containsKey(primary)) {
      primary = detector.languages.length == 1 ? detector.languages[0]
          : (state.frenchLogOdds > 0 ? Language.FR : Language.EN);
    }

    MessageScores scores = sc.scores;
    int scoredLength = Math.min(fullText.length(), config.maxMessageChars());
    scores.reset(scoredLength);
    for (Language l : detector.languages) {
      if (decided != Language.UNDETERMINED && l != decided) {
        continue;
      }
      TermBuffer terms = sc.terms.get(l);
      Lexicon lexicon = detector.lexicons.get(l);
      detector.analyzers.get(l).analyze(sc.text, lexicon.vocabulary(), terms, sc.analysis);
      lexicon.match(terms, sc.matches, scores);
      state.frames |= (byte) sc.matches.frames();
    }
    if (decided == Language.UNDETERMINED) {
      // The view shows the leading language's terms.
      primary = detector.analyzers.containsKey(primary) ? primary : detector.languages[0];
    }

    SenderState sender = state.sender(message.senderId(), config.maxSendersPerConversation());
    if (sender == null) {
      flags.add(AssessmentFlag.SENDER_LIMIT);
      sender = new SenderState(message.senderId()); // scored alone, not tracked
    }
    int index = state.messageCount;
    long gap = state.lastTime == Long.MIN_VALUE ? -1 : now - state.lastTime;

    // Plug-ins see the conversation as it stood before this message.
    if (detector.extractors.length > 1 || detector.classifiers.length > 0) {
      String scored = truncated ? fullText.substring(0, scoredLength) : fullText;
      MessageContext view = sc.context;
      view.set(message.conversationId(), message.senderId(), message.time(), index, scored,
          primary, sc.terms.get(primary), state, sender, gap);
      try {
        view.put("behaviour.question", sc.text.isQuestion() ? 1 : 0);
        for (FeatureExtractor e : detector.extractors) {
          try {
            e.extract(view, view);
          } catch (RuntimeException ex) {
            pluginFailed(e.name(), ex, flags);
          }
        }
        double riskSoFar = Math.max(state.risk, scores.maxStage());
        for (Classifier c : detector.classifiers) {
          scores.checkpoint();
          try {
            if (c.wants(view, riskSoFar)) {
              scores.countTowardRisk(c.countsTowardRisk());
              c.classify(view, scores);
              riskSoFar = Math.max(riskSoFar, scores.maxStage());
            }
          } catch (RuntimeException ex) {
            scores.rollback(); // what it reported before throwing is dropped too
            pluginFailed(c.name(), ex, flags);
          }
        }
      } finally {
        view.clear();
      }
    }
    scores.applyVetoes();

    // Context: a weak cue from the participant who already carries the conversation's risk is
    // read as the step it looks like (the same words from a stranger to the pattern are not).
    boolean suspectSpeaking = state.suspect >= 0 && state.senders[state.suspect] == sender
        && state.level >= RiskLevel.MEDIUM.ordinal();
    double stageThreshold = suspectSpeaking ? CONTEXT_THRESHOLD : STAGE_THRESHOLD;
    double signalThreshold = suspectSpeaking ? CONTEXT_THRESHOLD : SIGNAL_THRESHOLD;

    // Update the sender and the conversation.
    Stage messageStage = null;
    double bestStage = stageThreshold;
    for (int i = 0; i < STAGES.length; i++) {
      if (scores.stage[i] >= bestStage) {
        bestStage = scores.stage[i];
        messageStage = STAGES[i];
      }
    }
    int signalMask = 0;
    for (int i = 0; i < SIGNALS.length; i++) {
      if (scores.signal[i] >= signalThreshold) {
        signalMask |= 1 << i;
      }
    }
    updateSender(sender, scores, messageStage, now, sc.text.isQuestion(), message);
    state.messageCount++;
    if (state.firstTime == Long.MIN_VALUE) {
      state.firstTime = now;
    }
    state.lastTime = now;

    // Risk: score every tracked participant as a possible suspect; the highest carries the risk.
    RiskModel.Score best = sc.best;
    int participants = state.senderCount + (flags.contains(AssessmentFlag.SENDER_LIMIT) ? 1 : 0);
    int bestIndex = -1;
    double bestX = -1;
    boolean familyFrame = (state.frames & Lexicon.FRAME_FAMILY) != 0;
    for (int i = 0; i < state.senderCount; i++) {
      SenderState s = state.senders[i];
      s.decayTo(now);
      RiskModel.score(s, othersDistress(state, s), fastEscalation(s), participants, mutuality(state, s),
          familyFrame, sc.score);
      if (sc.score.x > bestX) {
        bestX = sc.score.x;
        bestIndex = i;
        copy(sc.score, best);
      }
    }
    if (flags.contains(AssessmentFlag.SENDER_LIMIT)) {
      RiskModel.score(sender, 0, fastEscalation(sender), participants, 0, familyFrame, sc.score);
      if (sc.score.x > bestX) {
        copy(sc.score, best);
        bestIndex = -2;
      }
    }
    state.risk = bestIndex == -1 ? 0 : (float) best.risk;
    RiskLevel level = bestIndex == -1 ? RiskLevel.NONE : best.level;
    state.level = (byte) level.ordinal();
    state.suspect = (byte) (bestIndex >= 0 && level.isAtLeast(RiskLevel.LOW) ? bestIndex : -1);
    SenderState lead = bestIndex >= 0 ? state.senders[bestIndex] : (bestIndex == -2 ? sender : null);

    // Signals are reported from their floor on (DetectorBuilder.signalFloor): where the risk model
    // sees nothing, a lone "how old r u", "add me on snap" or "i want to die, 0 wins" is everyday
    // chat; a late step at LOW is a look-alike. The cue stays in the evidence either way.
    signalMask &= reportedAt[level.ordinal()];
    if (state.suspect >= 0) {
      // Signals name the suspect's moves and the target's distress (DESIGN): once the risk model
      // has a suspect, the others' cues ("how old are you?" asked back) are not the suspect's
      // moves, and the suspect's own "please don't leave me" is not a victim's distress.
      int ofTheirRole = state.senders[state.suspect] == sender ? ~DISTRESS_BIT : DISTRESS_BIT;
      signalMask &= ofTheirRole | reportedFromEveryone;
    }
    sender.signalsFired |= signalMask;
    Set<Signal> signals = signalsOf(signalMask);
    Stage currentStage = lead == null ? null : lead.frontier();
    Set<Stage> reached = stagesOf(lead == null ? 0 : lead.stagesReached);
    int conversationMask = signalMask;
    for (int i = 0; i < state.senderCount; i++) {
      conversationMask |= state.senders[i].signalsFired;
    }
    Set<Signal> conversationSignals = signalsOf(conversationMask);
    double escalation = lead == null ? 0 : escalationPerDay(lead);
    String suspect = state.suspect >= 0 ? state.senders[state.suspect].id
        : (bestIndex == -2 && level.isAtLeast(RiskLevel.LOW) ? message.senderId() : null);

    Map<Stage, Double> stageScores = stageScores(scores);
    List<Evidence> evidence = scores.evidence(index,
        config.includeSnippets() ? fullText.substring(0, scoredLength) : null);
    Assessment a = new Assessment(message.conversationId(), index, message.senderId(), messageStage,
        stageScores, signals, currentStage, reached, conversationSignals,
        config.calibration().probability(state.risk), level, suspect,
        escalation, state.language(), evidence, flags.isEmpty() ? Set.of() : flags);
    state.latest = a;
    return a;
  }

  private static void updateSender(SenderState s, MessageScores scores, @Nullable Stage stage,
      long now, boolean question, Message message) {
    s.decayTo(now);
    s.messages++;
    if (question) {
      s.questions++;
    }
    int hour = (int) (Math.floorMod(now, 86_400L) / 3600);
    if (hour >= 22 || hour < 6) {
      s.nightMessages++;
    }
    if (message.senderAge() != null) {
      s.age = (short) (int) message.senderAge();
    }
    // Evidence, stages reached and corroboration come from the scores that count towards risk;
    // the signals fired are labels (a label-only tier's signal shows in the conversation's).
    double[] stageRisk = scores.riskStage();
    double[] signalRisk = scores.riskSignal();
    for (int i = 0; i < stageRisk.length; i++) {
      float v = (float) stageRisk[i];
      if (v > s.stageEvidence[i]) {
        s.stageEvidence[i] = v;
      }
      if (v >= SenderState.REACHED && (s.stagesReached & (1 << i)) == 0) {
        s.stagesReached |= 1 << i;
        if (s.firstStageTime == Long.MIN_VALUE) {
          s.firstStageTime = now;
        }
        s.lastNewStageTime = now;
      }
    }
    for (int i = 0; i < signalRisk.length; i++) {
      float v = (float) signalRisk[i];
      if (v > s.signalEvidence[i]) {
        s.signalEvidence[i] = v;
      }
    }
    if (stage != null) {
      s.lastStage = (byte) stage.number();
    }
    int groups = 0;
    for (int i = 0; i < stageRisk.length; i++) {
      if (stageRisk[i] >= RiskModel.CUE) {
        groups |= 1 << RiskModel.groupOf(STAGES[i]);
      }
    }
    for (int i = 0; i < signalRisk.length; i++) {
      int g = RiskModel.groupOf(SIGNALS[i]);
      if (g >= 0 && signalRisk[i] >= RiskModel.CUE) {
        groups |= 1 << g;
      }
    }
    for (int g = 0; g < RiskModel.GROUPS; g++) {
      if ((groups & (1 << g)) != 0 && s.groupMessages[g] < Byte.MAX_VALUE) {
        s.groupMessages[g]++;
      }
    }
  }

  private static double othersDistress(ConversationState state, SenderState suspect) {
    double d = 0;
    int k = Signal.VICTIM_DISTRESS.ordinal();
    for (int i = 0; i < state.senderCount; i++) {
      SenderState s = state.senders[i];
      if (s != suspect) {
        d = Math.max(d, s.signalEvidence[k]);
      }
    }
    return d;
  }

  /**
   * How much the others do what this sender does: the busiest other participant's cue messages
   * (messages showing a behaviour group, as counted for corroboration) over this sender's; 0 when
   * this sender has none.
   */
  private static double mutuality(ConversationState state, SenderState sender) {
    int own = cueMessages(sender);
    if (own == 0) {
      return 0;
    }
    int others = 0;
    for (int i = 0; i < state.senderCount; i++) {
      SenderState s = state.senders[i];
      if (s != sender) {
        others = Math.max(others, cueMessages(s));
      }
    }
    return others / (double) own;
  }

  private static int cueMessages(SenderState s) {
    int n = 0;
    for (byte b : s.groupMessages) {
      n += b;
    }
    return n;
  }

  private static boolean fastEscalation(SenderState s) {
    return s.stagesReachedCount() >= 3 && s.lastNewStageTime - s.firstStageTime <= 86_400L;
  }

  private static double escalationPerDay(SenderState s) {
    int n = s.stagesReachedCount();
    if (n < 2) {
      return 0;
    }
    double days = Math.max(1.0 / 24, (s.lastNewStageTime - s.firstStageTime) / 86_400.0);
    return (n - 1) / days;
  }

  private static void copy(RiskModel.Score from, RiskModel.Score to) {
    System.arraycopy(from.group, 0, to.group, 0, from.group.length);
    to.x = from.x;
    to.risk = from.risk;
    to.groupsPresent = from.groupsPresent;
    to.level = from.level;
  }

  private static Map<Stage, Double> stageScores(MessageScores scores) {
    Map<Stage, Double> m = null;
    for (int i = 0; i < STAGES.length; i++) {
      if (scores.stage[i] > 0) {
        if (m == null) {
          m = new EnumMap<>(Stage.class);
        }
        m.put(STAGES[i], scores.stage[i]);
      }
    }
    return m == null ? Map.of() : m;
  }

  /** Immutable sets for every mask, built once: assessments share them instead of copying. */
  private static final Set<Stage>[] STAGE_SETS = allSets(STAGES);
  private static final Set<Signal>[] SIGNAL_SETS = allSets(SIGNALS);

  @SuppressWarnings("unchecked")
  private static <E extends Enum<E>> Set<E>[] allSets(E[] values) {
    Set<E>[] sets = new Set[1 << values.length];
    for (int mask = 0; mask < sets.length; mask++) {
      java.util.List<E> members = new java.util.ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if ((mask & (1 << i)) != 0) {
          members.add(values[i]);
        }
      }
      sets[mask] = Set.copyOf(members);
    }
    return sets;
  }

  static Set<Stage> stagesOf(int mask) {
    return STAGE_SETS[mask];
  }

  static Set<Signal> signalsOf(int mask) {
    return SIGNAL_SETS[mask];
  }

  private static void pluginFailed(String name, RuntimeException ex, Set<AssessmentFlag> flags) {
    flags.add(AssessmentFlag.PLUGIN_FAILURE);
    // The exception's message could quote user text: log its type only.
    LOG.warn("plug-in '{}' failed on a message ({}); its output was dropped", name,
        ex.getClass().getName());
  }

  private void notifyListeners(RiskLevel previous, Assessment a) {
    for (AssessmentListener l : config.listeners()) {
      try {
        l.onLevelChange(previous, a);
      } catch (RuntimeException ex) {
        LOG.warn("assessment listener {} failed ({}); ignored", l.getClass().getName(),
            ex.getClass().getName());
      }
    }
  }

  // ---- bounds -------------------------------------------------------------------------------

  private void sweep(int budget) {
    if (!sweepLock.tryLock()) {
      return;
    }
    try {
      long now = config.clock().millis();
      for (int i = 0; i < budget; i++) {
        if (!cursor.hasNext()) {
          cursor = conversations.values().iterator();
          if (!cursor.hasNext()) {
            return;
          }
        }
        ConversationState s = cursor.next();
        if (s.touchedMillis != 0 && now - s.touchedMillis > idleMillis) {
          remove(s);
        }
      }
    } finally {
      sweepLock.unlock();
    }
  }

  private void evictForCapacity(ConversationState keep) {
    sweepLock.lock();
    try {
      while (conversations.size() > config.maxConversations()) {
        ConversationState oldest = null;
        for (int i = 0; i < EVICTION_SAMPLE; i++) {
          if (!cursor.hasNext()) {
            cursor = conversations.values().iterator();
          }
          if (!cursor.hasNext()) {
            break;
          }
          ConversationState s = cursor.next();
          if (s != keep && (oldest == null || s.touchedMillis < oldest.touchedMillis)) {
            oldest = s;
          }
        }
        if (oldest == null) {
          return;
        }
        remove(oldest);
      }
    } finally {
      sweepLock.unlock();
    }
  }

  private boolean remove(ConversationState s) {
    if (conversations.remove(s.id, s)) {
      int h = s.id.hashCode();
      evictedHashes[(h & 0x7fffffff) % evictedHashes.length] = h | 1;
      return true;
    }
    return false;
  }

  private boolean wasEvicted(String id) {
    int h = id.hashCode();
    return evictedHashes[(h & 0x7fffffff) % evictedHashes.length] == (h | 1);
  }

  @Override
  public Optional<Assessment> current(String conversationId) {
    ConversationState s = conversations.get(conversationId);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return Optional.ofNullable(s.latest);
    }
  }

  @Override
  public int size() {
    return conversations.size();
  }

  @Override
  public Optional<byte[]> snapshot(String conversationId) {
    ConversationState s = conversations.get(conversationId);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return Optional.of(Snapshots.write(s));
    }
  }

  @Override
  public void restore(String conversationId, byte[] snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    ConversationState s = Snapshots.read(conversationId, snapshot, config.maxSendersPerConversation());
    s.touchedMillis = config.clock().millis();
    conversations.put(conversationId, s);
    if (conversations.size() > config.maxConversations()) {
      evictForCapacity(s);
    }
  }

  @Override
  public boolean evict(String conversationId) {
    ConversationState s = conversations.get(conversationId);
    if (s == null) {
      return false;
    }
    remove(s);
    return true;
  }

  @Override
  public int evictIdle(Instant now) {
    long t = now.toEpochMilli();
    int dropped = 0;
    for (ConversationState s : conversations.values()) {
      if (s.touchedMillis != 0 && t - s.touchedMillis > idleMillis && remove(s)) {
        dropped++;
      }
    }
    return dropped;
  }
}
