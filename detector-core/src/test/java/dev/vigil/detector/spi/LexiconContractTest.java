package dev.vigil.detector.spi;

/** The built-in pipeline with a pass-through plug-in must meet the contract too. */
class LexiconContractTest extends ClassifierContractTestBase {

  @Override
  protected Classifier classifier() {
    return new Classifier() {
      @Override
      public String name() {
        return "noop";
      }

      @Override
      public void classify(MessageView message, ScoreSink out) {
        // Reads every term and span, to exercise the view.
        for (int i = 0; i < message.tokenCount(); i++) {
          message.term(i);
          if (message.tokenEnd(i) < message.tokenStart(i)) {
            throw new IllegalStateException("bad span");
          }
        }
      }
    };
  }
}
