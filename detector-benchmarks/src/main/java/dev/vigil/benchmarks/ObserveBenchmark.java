package dev.vigil.benchmarks;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many messages per second one thread scores with the default detector ({@code
 * Detector.builder().build()}), one {@code observe} per message, per language.
 *
 * <p>Design question: is the default pipeline cheap enough to run on every chat message (target:
 * at least 200,000 messages/s on one thread, at most 4x the cost of Lucene analysis alone, faster
 * than a hand-rolled regex; see {@link BaselineBenchmark} for the floors)? One invocation is one
 * message, so the score (ops/s) is messages per second. The messages are the {@link MessageMix}
 * of the language, spread over {@value #CONVERSATIONS} two-party conversations by a {@link
 * MessageStream}, without a language hint (the tracker decides the language per conversation).
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per message (target: at
 * most 2 KiB), including the ~40-byte {@code Message} a caller creates.
 *
 * <p>Run: {@code java -jar detector-benchmarks/target/benchmarks.jar ObserveBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
@Threads(1)
public class ObserveBenchmark {

  /** Conversations the messages are spread over. */
  static final int CONVERSATIONS = 100;

  /** The language of the messages: {@code en} or {@code fr}. */
  @Param({"en", "fr"})
  public String lang;

  private ConversationTracker tracker;
  private MessageStream stream;

  @Setup
  public void setUp() {
    Detector detector = Detector.builder().build();
    tracker = detector.newTracker();
    stream = new MessageStream(MessageMix.Mix.of(lang), Conversations.of(CONVERSATIONS), MessageMix.SEED);
    // Every conversation has both senders and a decided language before measuring.
    stream.prepopulate(tracker, 4);
  }

  @Benchmark
  public Assessment observe() {
    return tracker.observe(stream.next());
  }
}
