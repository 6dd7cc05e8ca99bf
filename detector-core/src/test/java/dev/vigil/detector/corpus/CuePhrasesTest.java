package dev.vigil.detector.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Language;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short cue phrases, one message each, in both languages: every stage (stage 8 only as short,
 * non-graphic cues, as DESIGN.md requires) and every signal must be recognised on its own, and
 * innocent look-alikes must not be. Written for this test, not taken from the corpus.
 */
class CuePhrasesTest {

  /** Every signal a cue fires: recognition is tested here, not the reporting floor. */
  private static final Detector DETECTOR = Detector.builder().signalFloor(RiskLevel.NONE).build();

  private static Assessment score(String lang, String text) {
    Language language = Language.ofCode(lang);
    return DETECTOR.newTracker().observe(
        Message.of("cue", "s", Instant.parse("2026-05-01T16:00:00Z"), text).withLanguage(language));
  }

  private static boolean has(Assessment a, String target) {
    for (Stage s : Stage.values()) {
      if (s.name().equals(target)) {
        return a.stageScore(s) >= 0.5;
      }
    }
    return a.signals().contains(Signal.valueOf(target));
  }

  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "en | wow you are honestly so talented at drawing                 | FRIENDSHIP",
    "en | can you send me a selfie so i know ur real                  | PHOTO_REQUEST",
    "en | what school do you go to                                    | PERSONAL_INFO",
    "en | i'll always be here for you, nobody gets you like i do      | BEST_FRIEND",
    "en | are your parents home right now?                            | RISK_ASSESSMENT",
    "en | tell me a secret, i told you mine                           | RECIPROCITY",
    "en | have you ever kissed anyone?                                | SEXUAL_SUGGESTION",
    "en | send me nudes                                               | SEXUALIZATION",
    "en | don't tell your mom about us                                | SECRECY",
    "en | pay me or i send the video to all your followers            | EXTORTION",
    "en | how old are u                                               | AGE_QUERY",
    "en | i can buy you robux if you want                             | GIFT_OFFER",
    "en | add me on snap                                              | PLATFORM_MIGRATION",
    "en | delete our messages ok                                      | SECRECY_REQUEST",
    "en | send me a pic                                               | IMAGE_REQUEST",
    "en | turn on your camera                                         | CAMERA_REQUEST",
    "en | lets meet up at the mall saturday                           | MEETING_REQUEST",
    "en | i will post your pics everywhere                            | THREAT",
    "en | send 100 dollars in gift cards                              | PAYMENT_DEMAND",
    "en | i just want to die                                          | VICTIM_DISTRESS",
    "fr | t'es trop forte à ce jeu                                    | FRIENDSHIP",
    "fr | envoie moi une photo de toi                                 | PHOTO_REQUEST",
    "fr | t'es en quelle classe ?                                     | PERSONAL_INFO",
    "fr | je serai toujours là pour toi                               | BEST_FRIEND",
    "fr | t'es seule chez toi ?                                       | RISK_ASSESSMENT",
    "fr | dis moi un secret, moi je t'ai dit le mien                  | RECIPROCITY",
    "fr | t'as déjà embrassé quelqu'un ?                              | SEXUAL_SUGGESTION",
    "fr | envoie moi des nudes                                        | SEXUALIZATION",
    "fr | dis rien à tes parents                                      | SECRECY",
    "fr | paie ou j'envoie tout à tes contacts                        | EXTORTION",
    "fr | t'as quel âge ?                                             | AGE_QUERY",
    "fr | je peux t'offrir des v-bucks                                | GIFT_OFFER",
    "fr | ajoute moi sur snap                                         | PLATFORM_MIGRATION",
    "fr | supprime nos messages                                       | SECRECY_REQUEST",
    "fr | tu peux m'envoyer une photo de toi ?                        | IMAGE_REQUEST",
    "fr | allume ta caméra                                            | CAMERA_REQUEST",
    "fr | on se voit samedi au centre commercial ?                    | MEETING_REQUEST",
    "fr | je vais publier tes photos partout                          | THREAT",
    "fr | envoie 100 euros en carte paysafecard                       | PAYMENT_DEMAND",
    "fr | j'ai envie de mourir                                        | VICTIM_DISTRESS",
    // Words that fold to a kinship word must not read as family: "même" loses its accents to
    // "meme", as "mémé" (grandma) does, and "Lola" is a first name as well as Tagalog for
    // grandma. A family word vetoes the message's cues, so such a collision silences real ones.
    "fr | je passe te chercher après les cours quand même               | MEETING_REQUEST",
    "fr | t'as quel âge toi-même ?                                      | AGE_QUERY",
    "en | hey lola how old are you?                                     | AGE_QUERY",
  })
  void cue_isRecognised(String lang, String text, String target) {
    Assessment a = score(lang, text);
    assertTrue(has(a, target), "expected " + target + ", got stage scores " + a.stageScores()
        + " signals " + a.signals() + " evidence " + a.evidence());
  }

  @ParameterizedTest(name = "[{0}] {1} -/-> {2}")
  @CsvSource(delimiter = '|', value = {
    "en | send me a pic of your homework when you're done             | IMAGE_REQUEST",
    "en | what grade are you in? we'll pick the right worksheet        | PERSONAL_INFO",
    "en | i'm gonna kill you next round lol                           | THREAT",
    "en | don't tell mom about the surprise party                     | SECRECY",
    "en | you still owe me 10 bucks for pizza                          | PAYMENT_DEMAND",
    "en | this exam is killing me lol                                  | VICTIM_DISTRESS",
    "fr | envoie moi une photo de ton exercice                         | IMAGE_REQUEST",
    "fr | je vais te tuer au prochain round mdr                        | THREAT",
    "fr | chut c'est pour la fête surprise de maman                    | SECRECY",
    "fr | tu me dois 20 balles pour le ciné                            | PAYMENT_DEMAND",
    "fr | je suis mort de rire                                         | VICTIM_DISTRESS",
  })
  void innocentLookAlike_isNotRecognised(String lang, String text, String target) {
    Assessment a = score(lang, text);
    assertFalse(has(a, target), "did not expect " + target + ": evidence " + a.evidence());
  }
}
