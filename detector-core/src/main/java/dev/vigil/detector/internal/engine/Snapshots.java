package dev.vigil.detector.internal.engine;

import dev.vigil.detector.internal.lexicon.Lexicon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * The versioned binary form of a {@link ConversationState} for external state stores: numbers and
 * sender ids only, never message text, followed by a CRC-32 so that a corrupted or foreign blob is
 * refused with a clear message instead of restoring garbage.
 *
 * <p>Format 1: magic {@code VGS1}, format version (short), conversation counters, language
 * log-odds, risk, level, suspect, then per sender its id (length and UTF-8 bytes), counters, stage and
 * signal evidence (10 floats each), messages per behaviour group (6 bytes), reached masks and times, then the CRC-32 of everything before.
 */
final class Snapshots {

  static final int MAGIC = 0x56475331; // "VGS1"
  /** 2 adds the conversation's context frames after the senders; version 1 is still read. */
  static final short VERSION = 2;
  /** Longest sender id a snapshot may carry (1 MiB). */
  private static final int MAX_ID_BYTES = 1 << 20;

  private Snapshots() {}

  static byte[] write(ConversationState s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 128 * s.senderCount);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
      out.writeInt(s.messageCount);
      out.writeLong(s.firstTime);
      out.writeLong(s.lastTime);
      out.writeFloat(s.frenchLogOdds);
      out.writeByte(s.decidedLanguage);
      out.writeFloat(s.risk);
      out.writeByte(s.level);
      out.writeByte(s.suspect);
      out.writeByte(s.senderCount);
      for (int i = 0; i < s.senderCount; i++) {
        SenderState p = s.senders[i];
        byte[] id = p.id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(id.length);
        out.write(id);
        out.writeInt(p.messages);
        out.writeInt(p.questions);
        out.writeInt(p.nightMessages);
        for (float f : p.stageEvidence) {
          out.writeFloat(f);
        }
        for (float f : p.signalEvidence) {
          out.writeFloat(f);
        }
        out.write(p.groupMessages);
        out.writeInt(p.stagesReached);
        out.writeInt(p.signalsFired);
        out.writeLong(p.evidenceTime);
        out.writeLong(p.firstStageTime);
        out.writeLong(p.lastNewStageTime);
        out.writeByte(p.lastStage);
        out.writeShort(p.age);
      }
      out.writeByte(s.frames);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] all = java.util.Arrays.copyOf(body, body.length + 4);
    long c = crc.getValue();
    all[body.length] = (byte) (c >>> 24);
    all[body.length + 1] = (byte) (c >>> 16);
    all[body.length + 2] = (byte) (c >>> 8);
    all[body.length + 3] = (byte) c;
    return all;
  }

  static ConversationState read(String conversationId, byte[] data, int maxSenders) {
    if (data.length < 10) {
      throw new IllegalArgumentException("not a Vigil snapshot: " + data.length + " bytes is too short");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    long stored = ((data[data.length - 4] & 0xFFL) << 24) | ((data[data.length - 3] & 0xFFL) << 16)
        | ((data[data.length - 2] & 0xFFL) << 8) | (data[data.length - 1] & 0xFFL);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a Vigil snapshot: bad magic number");
      }
      short version = in.readShort();
      if (version != VERSION && version != 1) {
        throw new IllegalArgumentException("unsupported snapshot format version " + version
            + " (this detector reads version " + VERSION + ")");
      }
      if (stored != crc.getValue()) {
        throw new IllegalArgumentException("snapshot checksum mismatch: the bytes are corrupted");
      }
      ConversationState s = new ConversationState(conversationId);
      s.messageCount = nonNegative(in.readInt(), "messageCount");
      s.firstTime = in.readLong();
      s.lastTime = in.readLong();
      s.frenchLogOdds = finite(in.readFloat(), "language evidence");
      s.decidedLanguage = in.readByte();
      if (s.decidedLanguage < 0 || s.decidedLanguage > 2) {
        throw new IllegalArgumentException("snapshot has a bad language " + s.decidedLanguage);
      }
      s.risk = unit(in.readFloat(), "risk");
      s.level = in.readByte();
      if (s.level < 0 || s.level > 4) {
        throw new IllegalArgumentException("snapshot has a bad level " + s.level);
      }
      s.suspect = in.readByte();
      int count = in.readUnsignedByte();
      if (count > maxSenders) {
        throw new IllegalArgumentException("snapshot has " + count + " senders, this detector tracks at most "
            + maxSenders);
      }
      if (s.suspect < -1 || s.suspect >= count) {
        throw new IllegalArgumentException("snapshot has a bad suspect index " + s.suspect);
      }
      s.senders = new SenderState[Math.max(2, count)];
      for (int i = 0; i < count; i++) {
        int idLength = in.readInt();
        if (idLength < 0 || idLength > MAX_ID_BYTES || idLength > in.available()) {
          throw new IllegalArgumentException("snapshot has a bad sender id length " + idLength);
        }
        byte[] id = new byte[idLength];
        in.readFully(id);
        SenderState p = new SenderState(new String(id, java.nio.charset.StandardCharsets.UTF_8));
        p.messages = nonNegative(in.readInt(), "messages");
        p.questions = nonNegative(in.readInt(), "questions");
        p.nightMessages = nonNegative(in.readInt(), "nightMessages");
        for (int k = 0; k < p.stageEvidence.length; k++) {
          p.stageEvidence[k] = unit(in.readFloat(), "stage evidence");
        }
        for (int k = 0; k < p.signalEvidence.length; k++) {
          p.signalEvidence[k] = unit(in.readFloat(), "signal evidence");
        }
        in.readFully(p.groupMessages);
        for (byte b : p.groupMessages) {
          if (b < 0) {
            throw new IllegalArgumentException("snapshot has a negative message count");
          }
        }
        p.stagesReached = mask(in.readInt(), "stage");
        p.signalsFired = mask(in.readInt(), "signal");
        p.evidenceTime = in.readLong();
        p.firstStageTime = in.readLong();
        p.lastNewStageTime = in.readLong();
        p.lastStage = in.readByte();
        if (p.lastStage < 0 || p.lastStage > MessageScores.STAGES) {
          throw new IllegalArgumentException("snapshot has a bad last stage " + p.lastStage);
        }
        p.age = in.readShort();
        s.senders[i] = p;
      }
      s.senderCount = count;
      if (version >= 2) {
        s.frames = in.readByte();
        if ((s.frames & ~Lexicon.FRAME_FAMILY) != 0) {
          throw new IllegalArgumentException("snapshot has bad context frames " + s.frames);
        }
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("snapshot has " + in.available() + " trailing bytes");
      }
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated snapshot: " + e.getClass().getSimpleName(), e);
    }
  }

  private static int mask(int v, String what) {
    if ((v & ~((1 << 10) - 1)) != 0) {
      throw new IllegalArgumentException("snapshot has a bad " + what + " mask " + v);
    }
    return v;
  }

  private static int nonNegative(int v, String what) {
    if (v < 0) {
      throw new IllegalArgumentException("snapshot has a negative " + what + ": " + v);
    }
    return v;
  }

  private static float finite(float v, String what) {
    if (!Float.isFinite(v)) {
      throw new IllegalArgumentException("snapshot has a non-finite " + what);
    }
    return v;
  }

  private static float unit(float v, String what) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException("snapshot has " + what + " outside [0,1]: " + v);
    }
    return v;
  }
}
