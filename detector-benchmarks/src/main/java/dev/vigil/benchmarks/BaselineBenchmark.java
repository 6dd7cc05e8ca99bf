package dev.vigil.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baselines beside {@link ObserveBenchmark}'s candidate, over the same {@link MessageMix}
 * lines, one message per invocation (scores are messages per second on one thread):
 *
 * <ul>
 *   <li>{@code lucene}: Lucene analysis alone, {@link EnglishAnalyzer} for {@code en} and {@link
 *       FrenchAnalyzer} for {@code fr} (standard tokenizer, stop words, stemming), the analyzer
 *       reused and each token stream consumed to the end. The floor of any token-based detector:
 *       the target is that the default pipeline costs at most 4x this.
 *   <li>{@code regex}: what a quick hand-rolled detector would do: the same lexicon's rules as one
 *       big case-insensitive {@code java.util.regex} alternation ({@link LexiconRegex}), {@code
 *       Matcher.find()} in a loop over each message. Approximate (no stemming, no
 *       normalisation, no vetoes: it matches less). The target is that the default pipeline is
 *       faster.
 * </ul>
 *
 * <p>Run: {@code java -jar detector-benchmarks/target/benchmarks.jar BaselineBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
@Threads(1)
public class BaselineBenchmark {

  /** The language of the messages and of the analyzer or lexicon: {@code en} or {@code fr}. */
  @Param({"en", "fr"})
  public String lang;

  private String[] texts;
  private int cursor;
  private Analyzer analyzer;
  private Matcher matcher;

  @Setup
  public void setUp() {
    MessageMix.Mix mix = MessageMix.Mix.of(lang);
    texts = MessageStream.texts(mix);
    analyzer = mix == MessageMix.Mix.FR ? new FrenchAnalyzer() : new EnglishAnalyzer();
    matcher = LexiconRegex.compile(lang).matcher("");
  }

  @TearDown
  public void tearDown() {
    analyzer.close();
  }

  private String next() {
    String t = texts[cursor];
    cursor = cursor + 1 == texts.length ? 0 : cursor + 1;
    return t;
  }

  /** Tokens and their characters, so that nothing can be skipped. */
  @Benchmark
  public long lucene() throws IOException {
    long n = 0;
    try (TokenStream ts = analyzer.tokenStream("text", next())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        n += term.length() + term.charAt(0);
      }
      ts.end();
    }
    return n;
  }

  /** How many rule matches the message has. */
  @Benchmark
  public int regex() {
    Matcher m = matcher.reset(next());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
