package dev.vigil.detector.internal.engine;

import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Language;
import dev.vigil.detector.RiskCalibration;
import dev.vigil.detector.internal.lexicon.Lexicon;
import dev.vigil.detector.internal.text.LanguageAnalyzer;
import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.internal.text.TextBuffer;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierProvider;
import dev.vigil.detector.spi.FeatureExtractor;
import dev.vigil.detector.spi.FeatureExtractorProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The shared engine: analysers and compiled lexicons per language, and the plug-in pipeline.
 * Immutable after construction and thread-safe.
 *
 * <p>Design note: per-message working memory (token and term buffers, the stemmer, the score
 * accumulators) lives in a per-thread {@link Scratch}, the way Lucene's analysers reuse their
 * token streams per thread. It holds no conversation state and is overwritten by every message.
 */
public final class DefaultDetector implements Detector {

  final DetectorConfig config;
  final Language[] languages;
  final Map<Language, LanguageAnalyzer> analyzers = new EnumMap<>(Language.class);
  final Map<Language, Lexicon> lexicons = new EnumMap<>(Language.class);
  final FeatureExtractor[] extractors;
  final Classifier[] classifiers;
  private final List<String> pipeline;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

  /** Builds the engine from validated settings; loads lexicons and plug-ins. */
  public DefaultDetector(DetectorConfig config) {
    this.config = config;
    this.languages = config.languages().stream().sorted().toArray(Language[]::new);
    for (Language l : languages) {
      LanguageAnalyzer analyzer = LanguageAnalyzer.of(l);
      analyzers.put(l, analyzer);
      Path file = config.lexiconFiles().get(l);
      lexicons.put(l, file == null ? Lexicon.load(l, analyzer) : Lexicon.load(l, analyzer, file));
    }
    List<FeatureExtractor> ex = new ArrayList<>();
    ex.add(new BehaviourExtractor());
    ex.addAll(config.extractors());
    List<Classifier> cl = new ArrayList<>(config.classifiers());
    if (config.serviceLoading()) {
      for (FeatureExtractorProvider p : ServiceLoader.load(FeatureExtractorProvider.class)) {
        ex.add(p.create(Map.of()));
      }
      for (ClassifierProvider p : ServiceLoader.load(ClassifierProvider.class)) {
        cl.add(p.create(Map.of()));
      }
    }
    this.extractors = ex.toArray(new FeatureExtractor[0]);
    this.classifiers = cl.toArray(new Classifier[0]);
    List<String> names = new ArrayList<>();
    for (FeatureExtractor e : extractors) {
      names.add(e.name());
    }
    names.add("lexicon");
    for (Classifier c : classifiers) {
      names.add(c.name());
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalStateException("plug-in name '" + n + "' appears twice in the pipeline " + names);
      }
    }
    this.pipeline = List.copyOf(names);
  }

  @Override
  public ConversationTracker newTracker() {
    return new DefaultTracker(this);
  }

  @Override
  public Set<Language> languages() {
    return config.languages();
  }

  @Override
  public RiskCalibration calibration() {
    return config.calibration();
  }

  @Override
  public List<String> pipeline() {
    return pipeline;
  }

  /** The lexicon of a language (for diagnostics and tests). */
  public Lexicon lexicon(Language language) {
    Lexicon l = lexicons.get(language);
    if (l == null) {
      throw new IllegalArgumentException("language " + language + " is not analysed by this detector");
    }
    return l;
  }

  Scratch scratch() {
    return scratch.get();
  }

  private Scratch newScratch() {
    return new Scratch();
  }

  /** Per-thread working memory. */
  static final class Scratch {
    final TextBuffer text = new TextBuffer();
    final EnumMap<Language, TermBuffer> terms = new EnumMap<>(Language.class);
    final LanguageAnalyzer.Scratch analysis = new LanguageAnalyzer.Scratch();
    final Lexicon.Matches matches = new Lexicon.Matches();
    final MessageScores scores = new MessageScores();
    final MessageContext context = new MessageContext();
    final RiskModel.Score score = new RiskModel.Score();
    final RiskModel.Score best = new RiskModel.Score();

    Scratch() {
      for (Language l : Language.values()) {
        terms.put(l, new TermBuffer());
      }
    }
  }
}
