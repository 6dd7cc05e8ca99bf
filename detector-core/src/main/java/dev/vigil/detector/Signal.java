package dev.vigil.detector;

/**
 * Cross-cutting facts a moderator acts on. A signal can fire in a benign conversation (friends
 * moving to Discord); a {@link RiskLevel} comes from the pattern across stages and signals, never
 * from one signal.
 *
 * @since 0.1
 */
public enum Signal {
  /** Asks the other person's age. */
  AGE_QUERY,
  /** Offers a gift, including virtual currency (robux, V-bucks, skins). */
  GIFT_OFFER,
  /** Moves the conversation to another app or a phone number. */
  PLATFORM_MIGRATION,
  /** Asks to keep the relationship or the conversation secret. */
  SECRECY_REQUEST,
  /** Asks for a photo or image. */
  IMAGE_REQUEST,
  /** Asks for a webcam, live stream or video call. */
  CAMERA_REQUEST,
  /** Asks to meet offline, offers a ride or a visit. */
  MEETING_REQUEST,
  /** Threatens: exposure of images, harm, reporting. */
  THREAT,
  /** Demands money, gift cards, crypto or a transfer. */
  PAYMENT_DEMAND,
  /** Self-harm, suicidal language or panic from the targeted person. */
  VICTIM_DISTRESS
}
