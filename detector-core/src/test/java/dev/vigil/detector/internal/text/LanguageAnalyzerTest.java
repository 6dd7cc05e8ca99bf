package dev.vigil.detector.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.detector.Language;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.EnglishStemmer;

class LanguageAnalyzerTest {

  private static final LanguageAnalyzer EN = LanguageAnalyzer.of(Language.EN);
  private static final LanguageAnalyzer FR = LanguageAnalyzer.of(Language.FR);

  /** The Lucene analysis chains our hot path reproduces on plain words. */
  private static Analyzer lucene(Language language) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        if (language == Language.FR) {
          ts = new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES);
          ts = new ASCIIFoldingFilter(ts);
          ts = new FrenchLightStemFilter(ts);
        } else {
          ts = new EnglishPossessiveFilter(ts);
          ts = new ASCIIFoldingFilter(ts);
          ts = new SnowballFilter(ts, new EnglishStemmer());
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  private static List<String> luceneTerms(Language language, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (Analyzer a = lucene(language); TokenStream ts = a.tokenStream("f", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void analyzeWord_plainWords_matchesLuceneChain() throws IOException {
    String[] english = {"sending", "pictures", "parents", "watching", "secretly", "gifts", "meeting",
        "mother's", "threatened", "café"};
    for (String w : english) {
      assertEquals(luceneTerms(Language.EN, w), EN.analyzeWord(w), w);
    }
    String[] french = {"photos", "l'école", "parents", "secrète", "supprimes", "j'envoie", "rencontrer",
        "qu'elle", "âge", "cadeaux"};
    for (String w : french) {
      assertEquals(luceneTerms(Language.FR, w), FR.analyzeWord(w), w);
    }
  }

  @Test
  void analyzeWord_smsAbbreviations_expand() {
    assertEquals(EN.analyzeWord("how old are you"), EN.analyzeWord("how old r u"));
    assertEquals(FR.analyzeWord("tu es où"), FR.analyzeWord("t'es où"));
    assertEquals(FR.analyzeWord("pourquoi"), FR.analyzeWord("pk"));
  }

  @Test
  void analyzeWord_leetspeak_isResolved() {
    assertEquals(EN.analyzeWord("telegram"), EN.analyzeWord("t3l3gr4m"));
    assertEquals(FR.analyzeWord("photo"), FR.analyzeWord("ph0t0"));
    assertEquals(EN.analyzeWord("discord"), EN.analyzeWord("d!scord"));
    assertEquals(EN.analyzeWord("before"), EN.analyzeWord("b4"), "SMS forms win over leetspeak");
  }

  @Test
  void analyzeWord_letterHyphenWord_meetsTheJoinedForm() {
    assertEquals(EN.analyzeWord("vbucks"), EN.analyzeWord("v-bucks"));
  }

  @Test
  void analyzeWord_accents_areFolded() {
    assertEquals(FR.analyzeWord("ecole"), FR.analyzeWord("école"));
  }

  @Test
  void analyze_emoji_readAsWord() {
    TextBuffer b = new TextBuffer();
    dev.vigil.detector.internal.text.Tokenizer.tokenize("\uD83D\uDC7B", 10, b);
    TermBuffer t = new TermBuffer();
    EN.analyze(b, null, t, new LanguageAnalyzer.Scratch());
    assertEquals(EN.analyzeWord("snapchat"), List.of(t.term(0)));
  }

  @Test
  void analyze_doubledLetters_resolvedAgainstVocabulary() {
    Vocabulary v = new Vocabulary();
    int please = v.intern(EN.analyzeWord("please").get(0));
    TextBuffer b = new TextBuffer();
    dev.vigil.detector.internal.text.Tokenizer.tokenize("pleeeease", 20, b);
    TermBuffer t = new TermBuffer();
    EN.analyze(b, v, t, new LanguageAnalyzer.Scratch());
    assertEquals(please, t.id(0));
  }
}
