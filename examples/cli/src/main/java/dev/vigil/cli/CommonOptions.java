package dev.vigil.cli;

import dev.vigil.cli.input.InputException;
import dev.vigil.cli.input.InputFormat;
import dev.vigil.cli.input.MessageReader;
import dev.vigil.cli.input.Pan12Reader;
import dev.vigil.detector.Detector;
import dev.vigil.detector.DetectorBuilder;
import dev.vigil.detector.Language;
import dev.vigil.detector.RiskCalibration;
import dev.vigil.detector.RiskLevel;
import dev.vigil.models.TrainedClassifierProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code scan} and {@code eval} (a picocli mixin): detection tiers, input
 * format, languages, PAN 2012 labels, snippets, progress and debug output. Not thread-safe.
 */
final class CommonOptions {

  /** The languages the detector analyses. */
  enum LangChoice {
    EN, FR, BOTH;

    Language[] languages() {
      return switch (this) {
        case EN -> new Language[] {Language.EN};
        case FR -> new Language[] {Language.FR};
        case BOTH -> new Language[] {Language.EN, Language.FR};
      };
    }
  }

  /** Which detection tiers run. */
  enum Tiers {
    /** The lexicons alone. */
    RULES("rules"),
    /** The trained classifier alone, as a tier of its own (lexicons off): to measure the model. */
    TRAINED("trained"),
    /** The lexicons, then the trained classifier's cascade. */
    RULES_TRAINED("rules+trained"),
    /** Every tier on the class path, found with ServiceLoader: what {@code Detector.builder()} gives. */
    ALL("all");

    final String label;

    Tiers(String label) {
      this.label = label;
    }

    static Tiers parse(String value) {
      for (Tiers t : values()) {
        if (t.label.equalsIgnoreCase(value.trim())) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown tiers '" + value + "' (expected rules, trained,"
          + " rules+trained or all)");
    }
  }

  @Option(names = "--tiers", paramLabel = "rules|trained|rules+trained|all", defaultValue = "all",
      converter = TiersConverter.class,
      description = "Detection tiers: all (every tier on the class path, as an embedding"
          + " application gets them: the lexicons, then the learned tiers where the lexicons see"
          + " MEDIUM risk), rules (the lexicons alone), rules+trained (the lexicons and the trained"
          + " classifier), trained (the trained classifier alone, lexicons off; to measure it)"
          + " (default: ${DEFAULT-VALUE}).")
  Tiers tiers = Tiers.ALL;

  /** Parses {@code --tiers}. */
  static final class TiersConverter implements picocli.CommandLine.ITypeConverter<Tiers> {
    @Override
    public Tiers convert(String value) {
      return Tiers.parse(value);
    }
  }

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "A risk calibration written by vigil-cli calibrate (default: the one shipped"
          + " with the detector). Changes the risk numbers and the preset thresholds, never the"
          + " levels.")
  @Nullable Path calibration;

  @Option(names = "--format", paramLabel = "jsonl|csv|pan12|sms",
      description = "Input format (default: from the file name: .xml is pan12, .csv is csv,"
          + " SMSSpamCollection is sms, anything else jsonl).")
  @Nullable InputFormat format;

  @Option(names = "--lang", paramLabel = "en|fr|both", defaultValue = "both",
      description = "Languages the detector analyses (default: ${DEFAULT-VALUE}).")
  LangChoice lang = LangChoice.BOTH;

  @Option(names = "--predators", paramLabel = "FILE",
      description = "PAN 2012 ground truth: author ids of predators, one per line. Conversations"
          + " with a listed author are GROOMING, the others BENIGN (used by eval).")
  @Nullable Path predators;

  @Option(names = "--signal-floor", paramLabel = "LEVEL",
      description = "Lowest conversation level at which every signal is reported (default: the"
          + " detector's, LOW for the early moves and MEDIUM for secrecy, meetings, threats,"
          + " payment demands and distress; from there on, the suspect's moves and the others'"
          + " distress). NONE reports every signal a rule or model fires, from everyone.")
  @Nullable RiskLevel signalFloor;

  @Option(names = "--snippets",
      description = "Include the matched text in evidence (off by default: snippets are message"
          + " text and must be protected like it).")
  boolean snippets;

  @Option(names = "--no-progress", description = "Do not print progress on standard error.")
  boolean noProgress;

  @Option(names = "--debug", description = "Print stack traces of unexpected failures.")
  boolean debug;

  /**
   * Builds the detector these options ask for.
   *
   * @throws IllegalStateException if a trained tier is asked for and none is on the class path
   * @throws java.io.UncheckedIOException if the trained model fails its checksum or cannot be read
   */
  Detector buildDetector() throws IOException {
    return buildDetector(calibration == null ? RiskCalibration.shipped() : RiskCalibration.read(calibration));
  }

  /** The detector these options ask for, with the given risk calibration. */
  Detector buildDetector(RiskCalibration riskCalibration) {
    DetectorBuilder builder = Detector.builder().languages(lang.languages()).includeSnippets(snippets)
        .calibration(riskCalibration);
    if (signalFloor != null) {
      builder.signalFloor(signalFloor);
    }
    Detector detector = switch (tiers) {
      case RULES -> builder.serviceLoading(false).build();
      case RULES_TRAINED -> builder.serviceLoading(false)
          .addClassifier(new TrainedClassifierProvider().create(Map.of())).build();
      case ALL -> builder.build();
      case TRAINED -> withoutRules(builder);
    };
    if (tiers != Tiers.RULES && !detector.pipeline().contains(TrainedClassifierProvider.NAME)) {
      throw new IllegalStateException("--tiers " + tiers.label
          + " needs the trained classifier, but the pipeline is " + detector.pipeline());
    }
    return detector;
  }

  /**
   * The trained tier alone, as a tier of its own (on every message, reporting at the engine's
   * threshold; in {@code all} it runs as a cascade after the rules). The engine always runs a
   * lexicon, so each language's lexicon is replaced by an empty pack (a comment line) for the time
   * of the build; the pack is compiled by {@code build()}, after which the file is no longer
   * needed. The analyser then knows no lexicon words, so doubled letters are no longer undone
   * against the vocabulary (a small difference from the terms the model was trained on).
   */
  private static Detector withoutRules(DetectorBuilder builder) {
    Path empty = null;
    try {
      empty = Files.createTempFile("vigil-no-rules", ".vlex");
      Files.writeString(empty, "# no rules: vigil-cli --tiers trained\n", StandardCharsets.UTF_8);
      for (Language l : new Language[] {Language.EN, Language.FR}) {
        builder.lexiconFile(l, empty);
      }
      return builder.serviceLoading(false).addClassifier(new TrainedClassifierProvider()
          .create(Map.of(TrainedClassifierProvider.STANDALONE, "true"))).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an empty lexicon for --tiers trained", e);
    } finally {
      if (empty != null) {
        try {
          Files.deleteIfExists(empty);
        } catch (IOException ignored) {
          // A leftover empty temp file holds no data.
        }
      }
    }
  }

  /** An open input: its reader, and the SHA-256 of the bytes read once {@link #drain()}ed. */
  static final class OpenedInput implements AutoCloseable {
    final MessageReader reader;
    private final DigestInputStream digest;

    OpenedInput(MessageReader reader, DigestInputStream digest) {
      this.reader = reader;
      this.digest = digest;
    }

    /** Reads what the reader left unread and returns the SHA-256 of the whole input, in hex. */
    String drain() throws IOException {
      digest.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
      try {
        reader.close();
      } finally {
        digest.close();
      }
    }
  }

  /**
   * Keeps the reader (the StAX parser closes its stream at the end of the document) from closing
   * the stream, so that {@link OpenedInput#drain()} can finish the checksum.
   */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The owner closes the underlying stream.
    }
  }

  /**
   * Opens {@code file} ({@code -} for standard input) in the chosen or guessed format.
   *
   * @throws InputException if the file or the predators list cannot be read
   */
  OpenedInput open(String file, InputStream stdin, boolean readLabels) throws InputException {
    Set<String> predatorIds = predators == null ? null : Pan12Reader.readPredators(predators);
    InputFormat f = format != null ? format : InputFormat.guess(file);
    InputStream raw;
    if (file.equals("-")) {
      raw = stdin;
    } else {
      Path path = Path.of(file);
      if (Files.isDirectory(path)) {
        throw new InputException("cannot read " + file + ": it is a directory");
      }
      try {
        raw = Files.newInputStream(path);
      } catch (NoSuchFileException e) {
        throw new InputException("cannot read " + file + ": no such file", e);
      } catch (AccessDeniedException e) {
        throw new InputException("cannot read " + file + ": permission denied", e);
      } catch (IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
      }
    }
    DigestInputStream digest = new DigestInputStream(raw, sha256());
    try {
      return new OpenedInput(f.open(new NonClosing(digest), readLabels, predatorIds), digest);
    } catch (InputException e) {
      try {
        digest.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
