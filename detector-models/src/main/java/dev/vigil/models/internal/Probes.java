package dev.vigil.models.internal;

import dev.vigil.detector.Language;
import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.ConversationView;
import dev.vigil.detector.spi.MessageView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixed, synthetic message views whose feature vectors fingerprint the feature function. The
 * trainer writes the fingerprint into {@code features.json}; the loader recomputes it and refuses
 * a model whose features were computed by different code (a changed hash, n-gram or context rule
 * would otherwise feed the model silently wrong columns).
 */
public final class Probes {

  private Probes() {}

  private record Probe(String text, List<String> terms, @Nullable Stage previous, double ratio,
      boolean question, int index) implements MessageView, ConversationView {

    @Override public String conversationId() {
      return "probe";
    }

    @Override public String senderId() {
      return "p";
    }

    @Override public Instant time() {
      return Instant.EPOCH;
    }

    @Override public Language language() {
      return Language.EN;
    }

    @Override public int tokenCount() {
      return terms.size();
    }

    @Override public String term(int i) {
      return terms.get(i);
    }

    @Override public int tokenStart(int i) {
      return text.indexOf('|') < 0 ? 0 : i;
    }

    @Override public int tokenEnd(int i) {
      return text.length();
    }

    @Override public double feature(String name, double missing) {
      return name.equals("behaviour.question") ? (question ? 1 : 0) : missing;
    }

    @Override public ConversationView conversation() {
      return this;
    }

    @Override public int messageCount() {
      return index;
    }

    @Override public int senderCount() {
      return 2;
    }

    @Override public @Nullable Stage currentStage() {
      return previous;
    }

    @Override public @Nullable Stage senderPreviousStage() {
      return previous;
    }

    @Override public int senderMessageCount() {
      return index / 2;
    }

    @Override public double senderQuestionRatio() {
      return ratio;
    }

    @Override public long secondsSincePrevious() {
      return 60;
    }

    @Override public double risk() {
      return 0;
    }
  }

  private static final List<Probe> PROBES = List.of(
      new Probe("", List.of(), null, 0, false, 0),
      new Probe("hey", List.of("hey"), null, 0, false, 1),
      new Probe("how old are you", List.of("how", "old", "are", "you"), Stage.FRIENDSHIP, 0.5, true, 4),
      new Probe("send 50$", List.of("send", ""), Stage.PERSONAL_INFO, 0.25, false, 12),
      new Probe("12", List.of(""), Stage.EXTORTION, 1, true, 30),
      new Probe("t'es seul chez toi", List.of("tu", "es", "seul", "chez", "toi"), Stage.SECRECY, 0.75, true, 7));

  /** The fingerprint of {@code features} over the probes, as lower-case hex SHA-256. */
  public static String fingerprint(HashedFeatures features) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    HashedFeatures.Scratch scratch = new HashedFeatures.Scratch();
    ByteBuffer b = ByteBuffer.allocate(8);
    for (Probe p : PROBES) {
      SparseVector v = features.compute(p, scratch);
      for (int k = 0; k < v.size(); k++) {
        b.clear();
        b.putInt(v.index(k)).putFloat((float) v.value(k));
        md.update(b.array());
      }
      md.update("|".getBytes(StandardCharsets.US_ASCII));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
