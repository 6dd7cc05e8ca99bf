package dev.vigil.detector.internal.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Language;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.internal.text.LanguageAnalyzer;
import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.internal.text.TextBuffer;
import dev.vigil.detector.internal.text.Tokenizer;
import dev.vigil.detector.spi.ScoreSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private static final LanguageAnalyzer EN = LanguageAnalyzer.of(Language.EN);

  /** Records what fired. */
  static final class Hits implements ScoreSink {
    final List<String> rules = new ArrayList<>();
    final EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
    final EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
    final EnumSet<Signal> vetoed = EnumSet.noneOf(Signal.class);
    int start = -1;
    int end = -1;

    @Override
    public void stage(Stage s, double p, String ruleId, int from, int to) {
      rules.add(ruleId);
      stages.add(s);
      start = from;
      end = to;
    }

    @Override
    public void signal(Signal s, double p, String ruleId, int from, int to) {
      rules.add(ruleId);
      signals.add(s);
      start = from;
      end = to;
    }

    @Override
    public void vetoStage(Stage s, String ruleId) {}

    @Override
    public void vetoSignal(Signal s, String ruleId) {
      vetoed.add(s);
    }
  }

  private static Lexicon compile(String text) throws IOException {
    return LexiconParser.parse("test.vlex", new BufferedReader(new StringReader(text)), Language.EN, EN);
  }

  static Hits match(Lexicon lexicon, LanguageAnalyzer analyzer, String message) {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize(message, 4000, b);
    TermBuffer terms = new TermBuffer();
    analyzer.analyze(b, lexicon.vocabulary(), terms, new LanguageAnalyzer.Scratch());
    Hits hits = new Hits();
    lexicon.match(terms, new Lexicon.Matches(), hits);
    return hits;
  }

  private static final String PACK = String.join("\n",
      "# test pack",
      "@photo = photo pic picture selfie",
      "@app = snapchat whatsapp telegram",
      "rule photo.send  stage=PHOTO_REQUEST signal=IMAGE_REQUEST weight=0.8 : send|show me? a? @photo",
      "rule app.move    signal=PLATFORM_MIGRATION weight=0.7 : add|text me + on @app  # a comment",
      "rule pay.amount  signal=PAYMENT_DEMAND weight=0.6 : send|pay #num ... dollars|bucks",
      "veto photo.homework  signal=IMAGE_REQUEST : @photo of ... homework|worksheet");

  @Test
  void match_patternWithGapsAndOptionalSlots_fires() throws IOException {
    Lexicon lex = compile(PACK);
    Hits h = match(lex, EN, "can you send me a really cute selfie");
    assertEquals(EnumSet.of(Stage.PHOTO_REQUEST), h.stages);
    assertEquals(EnumSet.of(Signal.IMAGE_REQUEST), h.signals);
    assertTrue(h.rules.contains("lexicon:en:photo.send"));
  }

  @Test
  void match_morphology_meetsThroughStemming() throws IOException {
    Lexicon lex = compile(PACK);
    assertTrue(match(lex, EN, "stop sending pictures").signals.contains(Signal.IMAGE_REQUEST));
  }

  @Test
  void match_evasions_areUndone() throws IOException {
    Lexicon lex = compile(PACK);
    assertTrue(match(lex, EN, "add me on s n a p c h a t").signals.contains(Signal.PLATFORM_MIGRATION));
    assertTrue(match(lex, EN, "add me on t3l3gr4m").signals.contains(Signal.PLATFORM_MIGRATION));
    assertTrue(match(lex, EN, "add me on wh\u0430tsapp").signals.contains(Signal.PLATFORM_MIGRATION));
  }

  @Test
  void match_adjacencyRequired_doesNotFireWithGap() throws IOException {
    Lexicon lex = compile(PACK);
    assertFalse(match(lex, EN, "add me later maybe on snapchat").signals.contains(Signal.PLATFORM_MIGRATION));
  }

  @Test
  void match_numberSlot_matchesNumbersAndMoney() throws IOException {
    Lexicon lex = compile(PACK);
    assertTrue(match(lex, EN, "send 50 more dollars").signals.contains(Signal.PAYMENT_DEMAND));
  }

  @Test
  void match_veto_reported() throws IOException {
    Lexicon lex = compile(PACK);
    Hits h = match(lex, EN, "send me a pic of your homework");
    assertTrue(h.vetoed.contains(Signal.IMAGE_REQUEST));
  }

  @Test
  void match_frame_setsTheContextWithoutReportingEvidence() throws IOException {
    Lexicon lex = compile(PACK + "\n@kin = nana grandma mum\nframe family.thanks  context=family : thanks + @kin");
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("thanks nana, send me a pic", 4000, b);
    TermBuffer terms = new TermBuffer();
    EN.analyze(b, lex.vocabulary(), terms, new LanguageAnalyzer.Scratch());
    Hits hits = new Hits();
    Lexicon.Matches m = new Lexicon.Matches();
    lex.match(terms, m, hits);
    assertEquals(Lexicon.FRAME_FAMILY, m.frames());
    assertFalse(hits.rules.stream().anyMatch(r -> r.contains("family")), "a frame is not evidence");
    assertTrue(hits.signals.contains(Signal.IMAGE_REQUEST), "the message's own rules still fire");
    Tokenizer.tokenize("my mum is at work", 4000, b);
    EN.analyze(b, lex.vocabulary(), terms, new LanguageAnalyzer.Scratch());
    lex.match(terms, m, new Hits());
    assertEquals(0, m.frames(), "a mention is not an address");
  }

  @Test
  void match_span_coversTheMatchInTheOriginal() throws IOException {
    Lexicon lex = compile(PACK);
    String text = "hey! send me a PIC now";
    Hits h = match(lex, EN, text);
    assertEquals("send me a PIC", text.substring(h.start, h.end));
  }

  @Test
  void match_hostileInput_isBounded() throws IOException {
    Lexicon lex = compile(PACK);
    String text = "send ".repeat(800) + "photo";
    long t0 = System.nanoTime();
    match(lex, EN, text);
    // Not a timing assertion on speed, only a guard against runaway backtracking.
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
  }

  @Test
  void parse_errors_nameTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> compile("@a = x\nrule bad stage=NOPE weight=0.5 : x"));
    assertTrue(e.getMessage().startsWith("test.vlex:2:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> compile("rule r stage=SECRECY weight=0.5 : @undefined"));
    assertThrows(IllegalArgumentException.class, () -> compile("rule r stage=SECRECY weight=2 : x"));
    assertThrows(IllegalArgumentException.class, () -> compile("rule r stage=SECRECY weight=0.5 : a\nrule r stage=SECRECY weight=0.5 : b"));
    assertThrows(IllegalArgumentException.class, () -> compile("frame f : thanks nana"), "a frame needs context=");
    assertThrows(IllegalArgumentException.class, () -> compile("frame f context=school : thanks miss"));
    assertThrows(IllegalArgumentException.class, () -> compile("frame f context=family stage=SECRECY : thanks nana"));
  }

  @ParameterizedTest
  @EnumSource(value = Language.class, names = {"EN", "FR"})
  void shippedPack_loadsAndCoversEveryStageAndSignal(Language language) {
    Lexicon lex = Lexicon.load(language, LanguageAnalyzer.of(language));
    for (Stage s : Stage.values()) {
      assertFalse(lex.ruleIds(s, null).isEmpty(), language + " has no rule for " + s);
    }
    for (Signal s : Signal.values()) {
      assertFalse(lex.ruleIds(null, s).isEmpty(), language + " has no rule for " + s);
    }
    assertTrue(lex.vetoCount() > 0, language + " has no vetoes");
  }
}
