package dev.vigil.detector.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> tokens(String text) {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize(text, 10_000, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.tokenCount(); i++) {
      out.add(b.token(i));
    }
    return out;
  }

  @Test
  void tokenize_plainText_lowerCasesAndSplits() {
    assertEquals(List.of("send", "me", "a", "pic"), tokens("Send me a PIC!"));
  }

  @Test
  void tokenize_zeroWidthAndSoftHyphen_areRemoved() {
    assertEquals(List.of("snapchat"), tokens("sn\u200Bap\u00ADch\u200Dat"));
  }

  @Test
  void tokenize_homoglyphs_becomeAscii() {
    // Cyrillic a and o, fullwidth letters, mathematical bold letters.
    assertEquals(List.of("snapchat"), tokens("sn\u0430pch\u0430t"));
    assertEquals(List.of("photo"), tokens("\uFF50\uFF48\uFF4F\uFF54\uFF4F"));
    assertEquals(List.of("pic"), tokens("\uD835\uDC29\uD835\uDC22\uD835\uDC1C"));
  }

  @Test
  void tokenize_repeatedLetters_collapseToTwo() {
    assertEquals(List.of("pleease"), tokens("pleeeeeease"));
  }

  @Test
  void tokenize_spacedLetters_areJoined() {
    assertEquals(List.of("add", "me", "on", "snap"), tokens("add me on s n a p"));
    assertEquals(List.of("whatsapp"), tokens("w.h.a.t.s.a.p.p"));
    assertEquals(List.of("telegram"), tokens("t-e-l-e-g-r-a-m"));
  }

  @Test
  void tokenize_twoSingleLetters_areNotJoined() {
    assertEquals(List.of("i", "a", "dog"), tokens("i a dog"));
  }

  @Test
  void tokenize_numberGluedToWord_isSplit() {
    assertEquals(List.of("12", "yo"), tokens("12yo"));
    assertEquals(List.of("800", "robux"), tokens("800robux"));
    assertEquals(List.of("1", "h"), tokens("1h"));
    assertEquals(List.of("5", "e"), tokens("5e"));
  }

  @Test
  void tokenize_idsWithDigits_stayOneOpaqueWord() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("hi 10-19-20sUser128 and 2026-02-01", 100, b);
    assertEquals("10-19-20suser128", b.token(1));
    assertEquals(TextBuffer.WORD, b.tokenKind(1));
    assertEquals(TextBuffer.WORD, b.tokenKind(3));
    assertEquals(List.of("peut", "etre"), List.of("peut", "etre"));
    assertEquals(List.of("rendez", "vous"), tokens("rendez-vous"));
    assertEquals(List.of("v-bucks"), tokens("V-Bucks"));
  }

  @Test
  void tokenize_leetspeak_isMarkedNotTranslated() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("t3l3gr4m kai88", 100, b);
    assertEquals("t3l3gr4m", b.token(0));
    assertTrue(b.tokenLeet[0]);
    assertFalse(b.tokenLeet[1], "a username with non-look-alike digits is not leetspeak");
  }

  @Test
  void tokenize_exclamationInsideAWord_isLeetspeak_butEndsAWordOtherwise() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("add me on d!scord wait!! !now", 100, b);
    assertEquals("d!scord", b.token(3));
    assertTrue(b.tokenLeet[3]);
    assertEquals("wait", b.token(4));
    assertEquals("now", b.token(5));
  }

  @Test
  void tokenize_money_isOneToken() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("send 50$ or €200 now", 100, b);
    assertEquals(TextBuffer.MONEY, b.tokenKind(1));
    assertEquals(TextBuffer.MONEY, b.tokenKind(3));
  }

  @Test
  void tokenize_elisionApostrophes_stayInsideWords() {
    assertEquals(List.of("t'es", "où"), tokens("t\u2019es où ?"));
  }

  @Test
  void tokenize_offsets_pointBackToTheOriginal() {
    String text = "ok s\u200Bn\u0430p now";
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize(text, 100, b);
    assertEquals("snap", b.token(1));
    assertEquals("s\u200Bn\u0430p", text.substring(b.tokenStart(1), b.tokenEnd(1)));
  }

  @Test
  void tokenize_emoji_isItsOwnToken() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("send a \uD83D\uDCF8 pls", 100, b);
    assertEquals(TextBuffer.EMOJI, b.tokenKind(2));
  }

  @Test
  void tokenize_question_isDetected() {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize("how old r u?", 100, b);
    assertTrue(b.isQuestion());
  }

  @Test
  void tokenize_longText_isTruncatedAtLimit() {
    TextBuffer b = new TextBuffer();
    assertTrue(Tokenizer.tokenize("word ".repeat(100), 50, b));
    assertEquals(10, b.tokenCount());
  }

  @Test
  void tokenize_randomUnicode_neverFailsAndSpansStayInBounds() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        int cp = random.nextInt(4) == 0 ? random.nextInt(0x1FFFF) : 32 + random.nextInt(200);
        if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          sb.appendCodePoint(cp);
        } else {
          sb.append(' ');
        }
      }
      if (random.nextBoolean() && sb.length() > 0) {
        sb.setCharAt(random.nextInt(sb.length()), '\uD83D'); // a lone surrogate
      }
      String text = sb.toString();
      TextBuffer b = new TextBuffer();
      Tokenizer.tokenize(text, 40, b);
      for (int i = 0; i < b.tokenCount(); i++) {
        assertTrue(b.tokenStart(i) >= 0 && b.tokenStart(i) <= b.tokenEnd(i) && b.tokenEnd(i) <= text.length());
      }
    }
  }
}
