package dev.vigil.detector.internal.engine;

import dev.vigil.detector.Language;
import dev.vigil.detector.Stage;
import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.spi.ConversationView;
import dev.vigil.detector.spi.FeatureSink;
import dev.vigil.detector.spi.MessageView;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The view plug-ins get of the message being scored and of its conversation before it. Reused per
 * thread; valid only during one {@code observe} call.
 */
final class MessageContext implements MessageView, ConversationView, FeatureSink {

  private String conversationId = "";
  private String senderId = "";
  private Instant time = Instant.EPOCH;
  private int index;
  private String text = "";
  private Language language = Language.UNDETERMINED;
  private TermBuffer terms = new TermBuffer();
  private @Nullable ConversationState state;
  private @Nullable SenderState sender;
  private long secondsSincePrevious;

  private String[] featureNames = new String[16];
  private double[] featureValues = new double[16];
  private int featureCount;

  void set(String conversationId, String senderId, Instant time, int index, String text,
      Language language, TermBuffer terms, ConversationState state, @Nullable SenderState sender,
      long secondsSincePrevious) {
    this.conversationId = conversationId;
    this.senderId = senderId;
    this.time = time;
    this.index = index;
    this.text = text;
    this.language = language;
    this.terms = terms;
    this.state = state;
    this.sender = sender;
    this.secondsSincePrevious = secondsSincePrevious;
    this.featureCount = 0;
  }

  /** Drops references to caller data once the call is over. */
  void clear() {
    text = "";
    state = null;
    sender = null;
  }

  @Override
  public String conversationId() {
    return conversationId;
  }

  @Override
  public String senderId() {
    return senderId;
  }

  @Override
  public Instant time() {
    return time;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Language language() {
    return language;
  }

  @Override
  public int tokenCount() {
    return terms.count();
  }

  @Override
  public String term(int i) {
    return terms.term(i);
  }

  @Override
  public int tokenStart(int i) {
    return terms.start(i);
  }

  @Override
  public int tokenEnd(int i) {
    return terms.end(i);
  }

  @Override
  public void put(String name, double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    for (int i = 0; i < featureCount; i++) {
      if (featureNames[i].equals(name)) {
        featureValues[i] = value;
        return;
      }
    }
    if (featureCount == featureNames.length) {
      featureNames = Arrays.copyOf(featureNames, featureCount * 2);
      featureValues = Arrays.copyOf(featureValues, featureCount * 2);
    }
    featureNames[featureCount] = name;
    featureValues[featureCount] = value;
    featureCount++;
  }

  @Override
  public double feature(String name, double missing) {
    for (int i = 0; i < featureCount; i++) {
      if (featureNames[i].equals(name)) {
        return featureValues[i];
      }
    }
    return missing;
  }

  @Override
  public ConversationView conversation() {
    return this;
  }

  @Override
  public int messageCount() {
    return state == null ? 0 : state.messageCount;
  }

  @Override
  public int senderCount() {
    return state == null ? 0 : state.senderCount;
  }

  @Override
  public @Nullable Stage currentStage() {
    ConversationState s = state;
    if (s == null || s.suspect < 0) {
      return null;
    }
    return s.senders[s.suspect].frontier();
  }

  @Override
  public @Nullable Stage senderPreviousStage() {
    SenderState s = sender;
    return s == null || s.lastStage == 0 ? null : Stage.ofNumber(s.lastStage);
  }

  @Override
  public int senderMessageCount() {
    return sender == null ? 0 : sender.messages;
  }

  @Override
  public double senderQuestionRatio() {
    SenderState s = sender;
    return s == null || s.messages == 0 ? 0 : s.questions / (double) s.messages;
  }

  @Override
  public long secondsSincePrevious() {
    return secondsSincePrevious;
  }

  @Override
  public double risk() {
    return state == null ? 0 : state.risk;
  }
}
