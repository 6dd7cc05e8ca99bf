package dev.vigil.detector.internal.engine;

import dev.vigil.detector.AssessmentListener;
import dev.vigil.detector.Language;
import dev.vigil.detector.RiskCalibration;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.FeatureExtractor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** The validated settings of a {@link dev.vigil.detector.DetectorBuilder}. */
public record DetectorConfig(
    Set<Language> languages,
    int maxConversations,
    int maxSendersPerConversation,
    Duration idleTimeout,
    int maxMessageChars,
    Clock clock,
    boolean includeSnippets,
    boolean serviceLoading,
    List<FeatureExtractor> extractors,
    List<Classifier> classifiers,
    List<AssessmentListener> listeners,
    Map<Language, Path> lexiconFiles,
    RiskCalibration calibration,
    Map<Signal, RiskLevel> signalFloors) {}
