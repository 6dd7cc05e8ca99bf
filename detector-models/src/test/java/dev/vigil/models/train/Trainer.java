package dev.vigil.models.train;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.models.internal.FeatureSpec;
import dev.vigil.models.internal.HashedFeatures;
import dev.vigil.models.internal.Manifest;
import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.OutputMapping;
import dev.vigil.models.internal.Probes;
import dev.vigil.models.internal.SparseVector;
import dev.vigil.models.internal.TrainedClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the {@code trained} tier from the tuning corpus, reproducibly (fixed seed, fixed data
 * order), and writes the model directory: {@code linear.onnx} (both models over a sparse input,
 * {@link SparseGraph}), {@code columns.bin}, {@code features.json}, {@code manifest.json}.
 *
 * <p>Run (from the repository root; see the module README):
 *
 * <pre>
 * mvn -B -q install -pl detector-core -DskipTests
 * mvn -B -q -pl detector-models -P train test-compile exec:java
 * </pre>
 *
 * <p>Recipe:
 *
 * <ol>
 *   <li>Read {@code corpus/tune/*.jsonl} and {@code corpus/tune2/*.jsonl} only (the test part is refused). Hold back about 20% of
 *       the scenario families (stratified by language and harmful/benign): they are never trained
 *       on and give the manifest's metrics.
 *   <li>Add {@value #COPIES} augmented copies of every training conversation (obfuscation, typos,
 *       SMS register; {@link Augmenter}).
 *   <li>Compute features by replaying every conversation through a rules-only detector with a
 *       recording classifier ({@link Recorder}): the runtime's own {@link HashedFeatures} on the
 *       runtime's own message view. Keep hashed columns seen at least {@value #MIN_COUNT} times.
 *   <li>Fit a softmax model for the stage (NONE and the ten stages) and a multi-label sigmoid
 *       model for the signals with Tribuo's linear SGD (AdaGrad).
 *   <li>Calibrate: {@value #FOLDS}-fold cross-validation by scenario inside the training part
 *       gives out-of-fold probabilities; each label's threshold is the lowest probability at which
 *       out-of-fold precision reaches the target on the messages the cascade gate lets through, and it is mapped to 0.5, the engine's reporting
 *       threshold. The epoch count and the precision target are chosen by running the whole
 *       detector (rules + this tier) on the out-of-fold conversations.
 *   <li>Fit on the whole training part, export to ONNX, check ONNX against Tribuo (parity), and
 *       measure rules alone vs rules + this tier on the held-back part.
 * </ol>
 */
public final class Trainer {

  static final long SEED = 20260101L;
  static final double HELD_BACK_SHARE = 0.2;
  static final int FOLDS = 5;
  static final int COPIES = 3;
  static final double AUGMENT_RATE = 0.5;
  static final int MIN_COUNT = 2;
  static final int[] EPOCHS = {4, 12};
  static final double LEARNING_RATE = 0.5;
  static final double EPSILON = 0.1;
  static final int MIN_TP = 3;
  static final double[] PRECISION_TARGETS = {0.7, 0.8, 0.9};
  /**
   * The reported score range (OutputMapping): from the engine's threshold for the suspect of a
   * conversation at MEDIUM (0.35) to just under its reporting and "reached" threshold (0.5). Fixed
   * by design, like MIN_RISK (see the README for how it was set).
   */
  static final double REPORT_LOW = 0.35;
  static final double REPORT_HIGH = 0.45;
  static final double PARITY_TOLERANCE = 1e-5;
  /**
   * The cascade gate (TrainedClassifier#wants): the tier runs in conversations already at MEDIUM
   * (risk 0.45), the engine's own context threshold. Fixed by design, not tuned on the tuning
   * corpus, which holds only scripts and hard cases, no ordinary chat, and so cannot measure what
   * the gate protects against (see the README for how it was set).
   */
  static final double MIN_RISK = 0.45;
  /**
   * The out-of-fold precisions a confident label may be asked to reach on every training message
   * (benign and early ones included, no cascade gate); chosen with the cascade's target by running
   * the whole detector on the out-of-fold conversations. High, because such a label shows on any
   * message from its floor on (DetectorBuilder.signalFloor) and a moderator may read it without
   * context.
   */
  static final double[] CONFIDENT_PRECISIONS = {0.8, 0.9};
  static final String DOMAIN = "dev.vigil.models";
  static final String MODEL_FILE = "linear.onnx";

  private static final PrintStream LOG = System.err;
  private static final Stage[] STAGES = Stage.values();
  private static final Signal[] SIGNALS = Signal.values();

  private Trainer() {}

  /** One training message: its vector, labels and where it comes from. */
  record Ex(Recorder.Vec vec, String stage, Set<Signal> signals, int fold, boolean original) {}

  /** The fitted models with the columns they know. */
  record Fitted(TribuoModels models, int[] columns) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    Path root = Path.of(opts.getOrDefault("--root", ".")).toAbsolutePath().normalize();
    String corpus = opts.getOrDefault("--corpus", TuneCorpus.DEFAULT_FOLDERS);
    Path out = root.resolve(opts.getOrDefault("--out", "detector-models/src/main/resources/dev/vigil/models/linear"));
    Path fixture = root.resolve(opts.getOrDefault("--parity-fixture",
        "detector-models/src/test/resources/dev/vigil/models/parity.json"));
    String version = System.getProperty("vigil.version", "unknown");
    run(root, corpus, out, fixture, version);
  }

  static void run(Path root, String corpusFolders, Path out, Path fixture, String version) throws Exception {
    List<Path> files = TuneCorpus.files(root, corpusFolders);
    List<TuneCorpus.Conv> all = TuneCorpus.read(files);
    Set<String> heldScenarios = heldBack(all);
    List<TuneCorpus.Conv> train = new ArrayList<>();
    List<TuneCorpus.Conv> held = new ArrayList<>();
    for (TuneCorpus.Conv c : all) {
      (heldScenarios.contains(c.scenario()) ? held : train).add(c);
    }
    Map<String, Integer> folds = folds(train, heldScenarios);
    LOG.printf(Locale.ROOT, "tune: %d conversations; train %d, held back %d (%d scenarios)%n", all.size(),
        train.size(), held.size(), heldScenarios.size());

    // Augment, then record features through the real pipeline.
    List<TuneCorpus.Conv> trainSet = new ArrayList<>(train);
    for (TuneCorpus.Conv c : train) {
      trainSet.addAll(augmented(c));
    }
    FeatureSpec spec0 = FeatureSpec.defaults("", Map.of());
    HashedFeatures features = new HashedFeatures(spec0);
    List<Ex> examples = examples(features, trainSet, folds, train.size());
    List<Ex> heldExamples = examples(features, held, Map.of(), held.size());
    LOG.printf(Locale.ROOT, "examples: %d training (%d original), %d held back%n", examples.size(),
        examples.stream().filter(Ex::original).count(), heldExamples.size());

    Detector rules = Detector.builder().serviceLoading(false).build();
    List<List<TuneCorpus.Conv>> foldConvs = foldConversations(train, folds);
    Scores rulesOof = Scores.merge(foldConvs.stream().map(cs -> Scores.of(rules, cs)).toList());
    LOG.println("out-of-fold, rules only: " + rulesOof);

    // Cross-validation: for each epoch count, out-of-fold probabilities on the original training
    // messages; then the whole detector on the out-of-fold conversations for each precision
    // target. The best combination (objective()) is kept.
    Choice best = null;
    for (int epochs : EPOCHS) {
      int n = examples.size();
      double[][] oofStage = new double[n][];
      double[][] oofSignal = new double[n][];
      List<Fitted> foldModels = new ArrayList<>();
      for (int f = 0; f < FOLDS; f++) {
        List<Ex> fit = new ArrayList<>();
        for (Ex e : examples) {
          if (e.fold() != f) {
            fit.add(e);
          }
        }
        Fitted m = fit(fit, epochs);
        foldModels.add(m);
        for (int i = 0; i < n; i++) {
          Ex e = examples.get(i);
          if (e.fold() == f && e.original()) {
            double[][] p = canonical(m.models(), e.vec());
            oofStage[i] = p[0];
            oofSignal[i] = p[1];
          }
        }
      }
      LOG.printf(Locale.ROOT, "epochs %d, out-of-fold per label (tp/fp at probability thresholds):%n", epochs);
      diagnose(examples, oofStage, oofSignal);
      for (double confidentPrecision : CONFIDENT_PRECISIONS) {
        double[][] confident = confidentThresholds(examples, oofStage, oofSignal, confidentPrecision);
        for (double target : PRECISION_TARGETS) {
          double[][] thresholds = thresholds(examples, oofStage, oofSignal, target);
          List<Scores> parts = new ArrayList<>();
          for (int f = 0; f < FOLDS; f++) {
            TribuoModels m = foldModels.get(f).models();
            Detector d = Detector.builder().serviceLoading(false)
                .addClassifier(new TrainedClassifier(features, m, mapping(m, thresholds, confident), MIN_RISK, false))
                .build();
            parts.add(Scores.of(d, foldConvs.get(f)));
          }
          Scores s = Scores.merge(parts);
          double objective = objective(rulesOof, s);
          LOG.printf(Locale.ROOT, "  epochs %d target %.2f confident %.2f: %s -> %.4f%n", epochs, target,
              confidentPrecision, s, objective);
          if (best == null || objective > best.objective + 1e-9) {
            best = new Choice(epochs, target, confidentPrecision, thresholds, confident, s, objective);
          }
        }
      }
    }
    LOG.printf(Locale.ROOT, "chosen: epochs %d, precision target %.2f, confident precision %.2f%n", best.epochs,
        best.target, best.confidentPrecision);

    // Final fit on the whole training part; held-back figures.
    Fitted fitted = fit(examples, best.epochs);
    TribuoModels models = fitted.models();
    OutputMapping mapping = mapping(models, best.thresholds, best.confident);
    Scores rulesHeld = Scores.of(rules, held);
    TrainedClassifier tier = new TrainedClassifier(features, models, mapping, MIN_RISK, false);
    Scores cascadeHeld = Scores.of(Detector.builder().serviceLoading(false).addClassifier(tier.cascadeOnly()).build(),
        held);
    Scores tierHeld = Scores.of(Detector.builder().serviceLoading(false).addClassifier(tier).build(), held);
    Scores countingHeld = Scores.of(Detector.builder().serviceLoading(false)
        .addClassifier(tier.withRiskCounting(true)).build(), held);
    LOG.println("held back, rules only:                        " + rulesHeld);
    LOG.println("held back, rules + trained (cascade only):    " + cascadeHeld);
    LOG.println("held back, rules + trained (+ confident):     " + tierHeld);
    LOG.println("held back, the same counting toward risk:     " + countingHeld);

    ObjectMapper json = json();
    ObjectNode training = json.createObjectNode();
    training.put("trainer", Trainer.class.getName());
    training.put("command", "mvn -B -q -pl detector-models -P train test-compile exec:java");
    training.put("seed", SEED);
    training.put("tribuo_version", Tribuo.VERSION);
    ArrayNode data = training.putArray("data");
    for (Path f : files) {
      ObjectNode d = data.addObject();
      d.put("file", root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/'));
      d.put("sha256", ModelBundle.sha256(Files.readAllBytes(f)));
    }
    ObjectNode split = training.putObject("split");
    split.put("by", "scenario");
    split.put("held_back_share", HELD_BACK_SHARE);
    ArrayNode hs = split.putArray("held_back_scenarios");
    heldScenarios.forEach(hs::add);
    split.put("train_conversations", train.size());
    split.put("held_back_conversations", held.size());
    ObjectNode augmentation = training.putObject("augmentation");
    augmentation.put("copies_per_conversation", COPIES);
    augmentation.put("message_rate", AUGMENT_RATE);
    augmentation.put("transforms", "leetspeak, spaced letters, stretched letters, typos (swap, drop, double),"
        + " SMS register both ways (EN, FR), dropped accents and case");
    ObjectNode hyper = training.putObject("hyperparameters");
    hyper.put("algorithm", "Tribuo LinearSGD: LogMulticlass (stage), BinaryCrossEntropy (signals)");
    hyper.put("optimiser", "AdaGrad");
    hyper.put("learning_rate", LEARNING_RATE);
    hyper.put("epsilon", EPSILON);
    hyper.put("epochs", best.epochs);
    hyper.put("min_column_count", MIN_COUNT);
    hyper.put("examples", examples.size());
    hyper.put("columns", fitted.columns().length);
    ObjectNode calibration = training.putObject("calibration");
    calibration.put("method", FOLDS + "-fold cross-validation by scenario on the training part;"
        + " per-label threshold at the target out-of-fold precision on the messages the cascade gate"
        + " lets through; epochs and target chosen by running the whole detector on the out-of-fold"
        + " conversations");
    calibration.put("precision_target", best.target);
    calibration.put("report_range", "[" + REPORT_LOW + ", " + REPORT_HIGH + "], fixed by design");
    calibration.put("min_risk", MIN_RISK + ", fixed by design");
    calibration.put("confident_precision", best.confidentPrecision + " out of fold on every original training"
        + " message (no gate), chosen from " + Arrays.toString(CONFIDENT_PRECISIONS) + " with the precision target");
    calibration.set("out_of_fold_rules_only", scoresJson(json, rulesOof));
    calibration.set("out_of_fold_rules_and_trained", scoresJson(json, best.scores));

    ObjectNode metrics = json.createObjectNode();
    ObjectNode heldMetrics = metrics.putObject("held_back");
    heldMetrics.put("note", "the tuning parts' held-back scenarios (tune and tune2), never trained on; the corpus test parts"
        + " are reported by vigil-cli eval, not here");
    heldMetrics.set("rules_only", scoresJson(json, rulesHeld));
    heldMetrics.set("rules_and_trained_cascade_only", scoresJson(json, cascadeHeld));
    heldMetrics.set("rules_and_trained", scoresJson(json, tierHeld));
    heldMetrics.set("rules_and_trained_counting_toward_risk", scoresJson(json, countingHeld));
    heldMetrics.set("model_alone", modelAlone(json, models, best.thresholds, heldExamples));

    writeModelDir(out, fitted, best.thresholds, best.confident, features, version, training, metrics);

    // Parity: the exported files, loaded as the runtime loads them, against Tribuo in memory.
    ModelBundle bundle = ModelBundle.load(ModelBundle.directory(out));
    double worst = parity(bundle, models, heldExamples);
    LOG.printf(Locale.ROOT, "parity ONNX vs Tribuo on %d held-back messages: max |diff| %.2e%n",
        heldExamples.size(), worst);
    if (!(worst <= PARITY_TOLERANCE)) {
      throw new IllegalStateException("ONNX and Tribuo disagree by " + worst);
    }
    writeParityFixture(fixture, bundle, models, heldExamples);
    LOG.println("wrote " + out + " and " + fixture);
  }

  /** What cross-validation chose. */
  private record Choice(int epochs, double target, double confidentPrecision, double[][] thresholds,
      double[][] confident, Scores scores, double objective) {}

  /** The augmented copies of a training conversation (seeded by its id). */
  static List<TuneCorpus.Conv> augmented(TuneCorpus.Conv c) {
    Random r = new Random(SEED ^ c.id().hashCode());
    Augmenter aug = new Augmenter(r, c.language());
    List<TuneCorpus.Conv> out = new ArrayList<>();
    for (int k = 1; k <= COPIES; k++) {
      List<TuneCorpus.Msg> ms = new ArrayList<>();
      for (TuneCorpus.Msg m : c.messages()) {
        String text = r.nextDouble() < AUGMENT_RATE ? aug.augment(m.text()) : m.text();
        ms.add(new TuneCorpus.Msg(m.sender(), m.time(), text, m.stage(), m.signals()));
      }
      out.add(c.withMessages(c.id() + "#aug" + k, ms));
    }
    return out;
  }

  static ObjectMapper json() {
    return ModelBundle.json().copy().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** Writes a model directory (ONNX graph, columns, feature definition, manifest) for {@code fitted}. */
  static void writeModelDir(Path out, Fitted fitted, double[][] thresholds, double[][] confident,
      HashedFeatures features, String version, ObjectNode training, ObjectNode metrics) throws IOException {
    TribuoModels models = fitted.models();
    Files.createDirectories(out);
    byte[] graph = SparseGraph.build(onnx(models.stage), onnx(models.signals));
    byte[] columns = columnsBytes(fitted.columns());
    Map<String, List<String>> labels = new TreeMap<>();
    labels.put("signals", models.signalLabels);
    labels.put("stage", models.stageLabels);
    FeatureSpec spec = features.spec().with(Probes.fingerprint(features), labels);
    ObjectMapper json = json();
    byte[] featureJson = (json.writeValueAsString(spec) + "\n").getBytes(StandardCharsets.UTF_8);
    write(out.resolve(MODEL_FILE), graph);
    write(out.resolve("columns.bin"), columns);
    write(out.resolve("features.json"), featureJson);
    List<Manifest.Output> outputs = List.of(
        new Manifest.Output("stage", "stage", "softmax", models.stageLabels,
            box(thresholds[0], models.stageLabels, true),
            confident == null ? null : box(confident[0], models.stageLabels, true)),
        new Manifest.Output("signals", "signals", "sigmoid", models.signalLabels,
            box(thresholds[1], models.signalLabels, false),
            confident == null ? null : box(confident[1], models.signalLabels, false)));
    Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "vigil-linear", version,
        new Manifest.FileRef("features.json", ModelBundle.sha256(featureJson)),
        new Manifest.FileRef("columns.bin", ModelBundle.sha256(columns)),
        new Manifest.ModelFile(MODEL_FILE, ModelBundle.sha256(graph), SparseGraph.INDICES, SparseGraph.VALUES),
        outputs, REPORT_LOW, REPORT_HIGH, MIN_RISK, training, metrics);
    write(out.resolve(ModelBundle.MANIFEST),
        (json.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The parity fixture of the shipped model: for held-back messages (no text: hashed columns and
   * values only), Tribuo's in-memory probabilities, and the checksums of the ONNX files they belong
   * to. {@code ParityTest} feeds the same vectors to the shipped ONNX files.
   */
  static void writeParityFixture(Path file, ModelBundle bundle, TribuoModels models, List<Ex> held)
      throws IOException {
    ObjectMapper json = json();
    ObjectNode root = json.createObjectNode();
    root.put("note", "Written by " + Trainer.class.getName() + ": held-back feature vectors (hashed, no text)"
        + " with Tribuo's in-memory probabilities, for ParityTest");
    root.put("model_sha256", bundle.manifest().model().sha256());
    ArrayNode cases = root.putArray("cases");
    int step = Math.max(1, held.size() / 100);
    for (int k = 0; k < held.size(); k += step) {
      Ex e = held.get(k);
      double[] st = new double[models.stageLabels.size()];
      double[] sg = new double[models.signalLabels.size()];
      models.predict(e.vec().index(), e.vec().value(), st, sg);
      ObjectNode c = cases.addObject();
      ArrayNode i = c.putArray("index");
      ArrayNode v = c.putArray("value");
      for (int j = 0; j < e.vec().index().length; j++) {
        i.add(e.vec().index()[j]);
        v.add(e.vec().value()[j]);
      }
      ArrayNode a = c.putArray("stage");
      for (double x : st) {
        a.add(x);
      }
      ArrayNode b = c.putArray("signals");
      for (double x : sg) {
        b.add(x);
      }
    }
    Files.createDirectories(file.getParent());
    json.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }

  /** The held-back scenario families: a seeded ~20% of each language x harmful/benign stratum. */
  static Set<String> heldBack(List<TuneCorpus.Conv> all) {
    Map<String, TreeSet<String>> strata = new TreeMap<>();
    for (TuneCorpus.Conv c : all) {
      strata.computeIfAbsent(c.language() + (c.harmful() ? "-h" : "-b"), k -> new TreeSet<>()).add(c.scenario());
    }
    Set<String> held = new TreeSet<>();
    Random r = new Random(SEED);
    for (TreeSet<String> s : strata.values()) {
      List<String> list = new ArrayList<>(s);
      list.removeAll(held);
      java.util.Collections.shuffle(list, r);
      int k = (int) Math.round(list.size() * HELD_BACK_SHARE);
      held.addAll(list.subList(0, k));
    }
    return held;
  }

  /** The training conversations grouped by their scenario's fold (index = fold). */
  static List<List<TuneCorpus.Conv>> foldConversations(List<TuneCorpus.Conv> train, Map<String, Integer> folds) {
    List<List<TuneCorpus.Conv>> out = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      out.add(new ArrayList<>());
    }
    for (TuneCorpus.Conv c : train) {
      out.get(folds.get(c.scenario())).add(c);
    }
    return out;
  }

  /** Cross-validation folds over the training scenarios, round-robin after a seeded shuffle. */
  static Map<String, Integer> folds(List<TuneCorpus.Conv> train, Set<String> held) {
    Map<String, TreeSet<String>> strata = new TreeMap<>();
    for (TuneCorpus.Conv c : train) {
      strata.computeIfAbsent(c.language() + (c.harmful() ? "-h" : "-b"), k -> new TreeSet<>()).add(c.scenario());
    }
    Map<String, Integer> folds = new LinkedHashMap<>();
    Random r = new Random(SEED + 1);
    int next = 0;
    for (TreeSet<String> s : strata.values()) {
      List<String> list = new ArrayList<>(s);
      list.removeIf(folds::containsKey);
      java.util.Collections.shuffle(list, r);
      for (String sc : list) {
        folds.put(sc, next++ % FOLDS);
      }
    }
    return folds;
  }

  private static List<Ex> examples(HashedFeatures f, List<TuneCorpus.Conv> convs, Map<String, Integer> folds,
      int originals) {
    List<List<Recorder.Vec>> vecs = Recorder.record(f, convs);
    List<Ex> out = new ArrayList<>();
    for (int c = 0; c < convs.size(); c++) {
      TuneCorpus.Conv conv = convs.get(c);
      int fold = folds.getOrDefault(conv.scenario(), -1);
      for (int i = 0; i < conv.messages().size(); i++) {
        TuneCorpus.Msg m = conv.messages().get(i);
        out.add(new Ex(vecs.get(c).get(i), m.stage() == null ? "NONE" : m.stage().name(), m.signals(), fold,
            c < originals));
      }
    }
    return out;
  }

  /** Fits both models on {@code examples}, keeping columns seen at least MIN_COUNT times. */
  static Fitted fit(List<Ex> examples, int epochs) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Ex e : examples) {
      for (int i : e.vec().index()) {
        counts.merge(i, 1, Integer::sum);
      }
    }
    LabelFactory lf = new LabelFactory();
    MultiLabelFactory mf = new MultiLabelFactory();
    MutableDataset<Label> stage = new MutableDataset<>(new SimpleDataSourceProvenance("vigil tune (train part)", lf), lf);
    MutableDataset<MultiLabel> signals = new MutableDataset<>(
        new SimpleDataSourceProvenance("vigil tune (train part)", mf), mf);
    for (Ex e : examples) {
      int[] idx = e.vec().index();
      double[] val = e.vec().value();
      int k = 0;
      for (int i : idx) {
        if (counts.get(i) >= MIN_COUNT) {
          k++;
        }
      }
      String[] names = new String[k];
      double[] values = new double[k];
      k = 0;
      for (int j = 0; j < idx.length; j++) {
        if (counts.get(idx[j]) >= MIN_COUNT) {
          names[k] = TribuoModels.name(idx[j]);
          values[k++] = val[j];
        }
      }
      stage.add(new ArrayExample<>(new Label(e.stage()), names, values));
      Set<Label> ls = new java.util.LinkedHashSet<>();
      for (Signal s : e.signals()) {
        ls.add(new Label(s.name()));
      }
      signals.add(new ArrayExample<>(new MultiLabel(ls), names, values));
    }
    var stageTrainer = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
        new AdaGrad(LEARNING_RATE, EPSILON), epochs, Integer.MAX_VALUE, 1, SEED);
    var signalTrainer = new org.tribuo.multilabel.sgd.linear.LinearSGDTrainer(new BinaryCrossEntropy(),
        new AdaGrad(LEARNING_RATE, EPSILON), epochs, Integer.MAX_VALUE, 1, SEED);
    var s = stageTrainer.train(stage);
    var g = signalTrainer.train(signals);
    ImmutableFeatureMap fm = s.getFeatureIDMap();
    ImmutableFeatureMap gm = g.getFeatureIDMap();
    if (fm.size() != gm.size()) {
      throw new IllegalStateException("the two models know different columns");
    }
    int[] columns = new int[fm.size()];
    for (int i = 0; i < columns.length; i++) {
      String name = fm.get(i).getName();
      if (!name.equals(gm.get(i).getName())) {
        throw new IllegalStateException("the two models order columns differently at " + i);
      }
      columns[i] = Integer.parseInt(name);
      if (i > 0 && columns[i] <= columns[i - 1]) {
        throw new IllegalStateException("Tribuo's feature ids do not follow the column order at " + i);
      }
    }
    return new Fitted(new TribuoModels(s, g), columns);
  }

  /** Probabilities in canonical order: stage {NONE, stages...}, signals {Signal order}. */
  static double[][] canonical(TribuoModels m, Recorder.Vec v) {
    double[] st = new double[m.stageLabels.size()];
    double[] sg = new double[m.signalLabels.size()];
    m.predict(v.index(), v.value(), st, sg);
    double[] stage = new double[STAGES.length + 1];
    for (int i = 0; i < st.length; i++) {
      String l = m.stageLabels.get(i);
      stage[l.equals("NONE") ? 0 : Stage.valueOf(l).number()] = st[i];
    }
    double[] signal = new double[SIGNALS.length];
    for (int i = 0; i < sg.length; i++) {
      signal[Signal.valueOf(m.signalLabels.get(i)).ordinal()] = sg[i];
    }
    return new double[][] {stage, signal};
  }

  /** Prints, per label, out-of-fold precision and recall at a few thresholds (stderr). */
  static void diagnose(List<Ex> examples, double[][] oofStage, double[][] oofSignal) {
    for (int lab = 0; lab < STAGES.length + SIGNALS.length; lab++) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s",
          lab < STAGES.length ? STAGES[lab].name() : SIGNALS[lab - STAGES.length].name()));
      int pos = 0;
      for (int i = 0; i < examples.size(); i++) {
        if (oofStage[i] != null && gold(examples.get(i), lab)) {
          pos++;
        }
      }
      sb.append(" pos ").append(pos);
      for (double t : new double[] {0.3, 0.5, 0.7, 0.9}) {
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < examples.size(); i++) {
          if (oofStage[i] == null) {
            continue;
          }
          double p = lab < STAGES.length ? oofStage[i][STAGES[lab].number()] : oofSignal[i][lab - STAGES.length];
          if (p >= t) {
            if (gold(examples.get(i), lab)) {
              tp++;
            } else {
              fp++;
            }
          }
        }
        sb.append(String.format(Locale.ROOT, " | t%.1f tp %3d fp %3d", t, tp, fp));
      }
      LOG.println(sb);
    }
  }

  private static boolean gold(Ex e, int lab) {
    return lab < STAGES.length ? e.stage().equals(STAGES[lab].name()) : e.signals().contains(SIGNALS[lab - STAGES.length]);
  }

  /**
   * Per-label thresholds in canonical order from out-of-fold probabilities, on the messages the
   * cascade gate lets through (conversation risk before the message at least MIN_RISK under the
   * rules): precision is estimated where the tier operates, not on the easy bulk of early and
   * ordinary messages.
   */
  static double[][] thresholds(List<Ex> examples, double[][] oofStage, double[][] oofSignal, double target) {
    return thresholds(examples, oofStage, oofSignal, target, MIN_RISK);
  }

  /**
   * Confident thresholds: per label, the lowest probability with {@code precision} out-of-fold
   * precision on every original training message, whatever the conversation's risk.
   */
  static double[][] confidentThresholds(List<Ex> examples, double[][] oofStage, double[][] oofSignal,
      double precision) {
    return thresholds(examples, oofStage, oofSignal, precision, 0);
  }

  private static double[][] thresholds(List<Ex> examples, double[][] oofStage, double[][] oofSignal,
      double target, double minRisk) {
    double[] stage = new double[STAGES.length + 1];
    stage[0] = 1;
    for (Stage s : STAGES) {
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (oofStage[i] != null && examples.get(i).vec().risk() >= minRisk) {
          pairs.add(new double[] {oofStage[i][s.number()], examples.get(i).stage().equals(s.name()) ? 1 : 0});
        }
      }
      stage[s.number()] = threshold(pairs, target);
    }
    double[] signal = new double[SIGNALS.length];
    for (Signal s : SIGNALS) {
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (oofSignal[i] != null && examples.get(i).vec().risk() >= minRisk) {
          pairs.add(new double[] {oofSignal[i][s.ordinal()], examples.get(i).signals().contains(s) ? 1 : 0});
        }
      }
      signal[s.ordinal()] = threshold(pairs, target);
    }
    return new double[][] {stage, signal};
  }

  /** The lowest threshold on a 0.05 grid whose precision reaches the target with MIN_TP hits; else 1. */
  static double threshold(List<double[]> pairs, double target) {
    for (int k = 4; k <= 19; k++) {
      double t = k * 0.05;
      int tp = 0;
      int fp = 0;
      for (double[] p : pairs) {
        if (p[0] >= t) {
          if (p[1] > 0) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      if (tp >= MIN_TP && tp >= target * (tp + fp)) {
        return Math.round(t * 100) / 100.0;
      }
    }
    return 1.0;
  }

  static OutputMapping mapping(TribuoModels m, double[][] canonicalThresholds) {
    return new OutputMapping(m.stageLabels, box(canonicalThresholds[0], m.stageLabels, true), m.signalLabels,
        box(canonicalThresholds[1], m.signalLabels, false), REPORT_LOW, REPORT_HIGH);
  }

  /** The mapping with confident thresholds too (canonical order). */
  static OutputMapping mapping(TribuoModels m, double[][] canonicalThresholds, double[][] confident) {
    return mapping(m, canonicalThresholds).withConfident(box(confident[0], m.stageLabels, true),
        box(confident[1], m.signalLabels, false));
  }

  /** Canonical-order thresholds in a model's label order. */
  static List<Double> box(double[] canonical, List<String> labels, boolean stage) {
    List<Double> out = new ArrayList<>();
    for (String l : labels) {
      if (stage) {
        out.add(l.equals("NONE") ? 1.0 : canonical[Stage.valueOf(l).number()]);
      } else {
        out.add(canonical[Signal.valueOf(l).ordinal()]);
      }
    }
    return out;
  }

  /** Gains over rules alone; any loss on a figure costs three times its size. */
  static double objective(Scores rules, Scores s) {
    double dRecall = s.recall() - rules.recall();
    double dBenign = rules.benignRate() - s.benignRate();
    double dStage = s.stageMacroF1() - rules.stageMacroF1();
    double dSignal = s.signalMicroF1() - rules.signalMicroF1();
    double sum = 0;
    for (double d : new double[] {dRecall, dBenign, dStage, dSignal}) {
      sum += d >= 0 ? d : 3 * d;
    }
    return sum;
  }

  private static OnnxMl.ModelProto onnx(org.tribuo.Model<?> model) {
    // Tribuo's export is the reference for the weights; SparseGraph rewrites it for a sparse input.
    // (Its provenance metadata carries training timestamps and is not carried over, so that a
    // retrain with the same data and seed gives the same bytes; the manifest holds the provenance.)
    return ((org.tribuo.ONNXExportable) model).exportONNXModel(DOMAIN, 1);
  }

  private static byte[] columnsBytes(int[] columns) {
    ByteBuffer b = ByteBuffer.allocate(columns.length * 4);
    for (int c : columns) {
      b.putInt(c);
    }
    return b.array();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
  }

  static double parity(ModelBundle bundle, TribuoModels models, List<Ex> examples) {
    int ns = models.stageLabels.size();
    int ng = models.signalLabels.size();
    double worst = 0;
    for (Ex e : examples) {
      SparseVector v = e.vec().toSparse();
      double[] a = new double[ns];
      double[] b = new double[ng];
      double[] c = new double[ns];
      double[] d = new double[ng];
      bundle.model().predict(v, a, b);
      models.predict(v, c, d);
      for (int i = 0; i < ns; i++) {
        worst = Math.max(worst, Math.abs(a[i] - c[i]));
      }
      for (int i = 0; i < ng; i++) {
        worst = Math.max(worst, Math.abs(b[i] - d[i]));
      }
    }
    return worst;
  }

  private static ObjectNode scoresJson(ObjectMapper json, Scores s) {
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

  /** Per-label precision and recall of the tier alone (calibrated score >= 0.5) on held-back messages. */
  private static ObjectNode modelAlone(ObjectMapper json, TribuoModels m, double[][] t, List<Ex> held) {
    ObjectNode o = json.createObjectNode();
    o.put("definition", "per message, calibrated score >= 0.5, on the held-back messages the cascade"
        + " gate lets through (conversation at min_risk or above under the rules)");
    int[][] stage = new int[STAGES.length + 1][3];
    int[][] signal = new int[SIGNALS.length][3];
    for (Ex e : held) {
      if (e.vec().risk() < MIN_RISK) {
        continue;
      }
      double[][] p = canonical(m, e.vec());
      for (Stage s : STAGES) {
        boolean pred = t[0][s.number()] < 1 && p[0][s.number()] >= t[0][s.number()];
        boolean gold = e.stage().equals(s.name());
        count(stage[s.number()], gold, pred);
      }
      for (Signal s : SIGNALS) {
        boolean pred = t[1][s.ordinal()] < 1 && p[1][s.ordinal()] >= t[1][s.ordinal()];
        count(signal[s.ordinal()], e.signals().contains(s), pred);
      }
    }
    ObjectNode st = o.putObject("stages");
    for (Stage s : STAGES) {
      st.set(s.name(), counts(json, stage[s.number()]));
    }
    ObjectNode sg = o.putObject("signals");
    for (Signal s : SIGNALS) {
      sg.set(s.name(), counts(json, signal[s.ordinal()]));
    }
    return o;
  }

  private static void count(int[] c, boolean gold, boolean pred) {
    if (gold && pred) {
      c[0]++;
    } else if (pred) {
      c[1]++;
    } else if (gold) {
      c[2]++;
    }
  }

  private static ObjectNode counts(ObjectMapper json, int[] c) {
    ObjectNode o = json.createObjectNode();
    o.put("support", c[0] + c[2]);
    o.put("tp", c[0]);
    o.put("fp", c[1]);
    o.put("precision", c[0] + c[1] == 0 ? null : round(c[0] / (double) (c[0] + c[1])));
    o.put("recall", c[0] + c[2] == 0 ? null : round(c[0] / (double) (c[0] + c[2])));
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

}
