package dev.vigil.cli.input;

import dev.vigil.detector.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads the XML of the PAN 2012 sexual predator identification task:
 * {@code <conversations><conversation id="..."><message line="1"><author>ID</author>
 * <time>HH:MM</time><text>...</text></message>...</conversation>...</conversations>}.
 *
 * <p><b>Times.</b> PAN 2012 times are {@code HH:MM} without a date. Each conversation is placed on
 * the fixed date {@link #BASE_DATE} (2012-01-01, UTC); when a time is earlier than the previous
 * message's, the conversation is taken to have passed midnight and moves to the next day, so that
 * synthetic instants never go backwards within a conversation.
 *
 * <p><b>Labels.</b> With a predators list (the task's ground truth: one author id per line), a
 * conversation in which a listed author writes is labelled {@link GoldClass#GROOMING} and any other
 * {@link GoldClass#BENIGN}. Without it, messages carry no labels. Each conversation is read whole
 * before its messages are returned, since its label depends on all its authors.
 *
 * <p><b>Safety.</b> StAX with DTDs and external entities disabled: a document that declares or
 * uses entities is refused, never resolved. A record's line is the XML line of its {@code
 * <message>} start tag. XML that is not well formed ends the input with an {@link InputException}.
 *
 * <p>Not thread-safe.
 */
public final class Pan12Reader implements MessageReader {

  /** The date every PAN 2012 conversation is placed on (midnight UTC). */
  public static final Instant BASE_DATE = Instant.parse("2012-01-01T00:00:00Z");

  private final InputStream in;
  private final XMLStreamReader xml;
  private final @Nullable Set<String> predators;
  private final Deque<InputLine> pending = new ArrayDeque<>();
  private boolean done;

  /**
   * A reader over an XML byte stream.
   *
   * @param in the input, closed with this reader
   * @param predators author ids of the predators, or null for unlabelled input
   * @throws InputException if the XML parser cannot be set up on the input
   */
  public Pan12Reader(InputStream in, @Nullable Set<String> predators) throws InputException {
    this.in = in;
    this.predators = predators == null ? null : Set.copyOf(predators);
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      this.xml = factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw error(e);
    }
  }

  /**
   * Reads a predators list: one author id per line; blank lines and lines starting with {@code #}
   * are skipped.
   *
   * @throws InputException if the file cannot be read
   */
  public static Set<String> readPredators(Path file) throws InputException {
    Set<String> ids = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l; (l = r.readLine()) != null; ) {
        String id = l.strip();
        if (!id.isEmpty() && !id.startsWith("#")) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read the predators list " + file + ": " + reason(e), e);
    }
    return ids;
  }

  @Override
  public @Nullable InputLine next() throws IOException {
    while (pending.isEmpty() && !done) {
      readConversation();
    }
    return pending.poll();
  }

  /** One {@code <message>} as read. */
  private static final class RawMessage {
    final int line;
    @Nullable String author;
    @Nullable String time;
    @Nullable String text;

    RawMessage(int line) {
      this.line = line;
    }
  }

  private void readConversation() throws InputException {
    try {
      String id = null;
      boolean found = false;
      while (xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.START_ELEMENT && "conversation".equals(xml.getLocalName())) {
          id = xml.getAttributeValue(null, "id");
          found = true;
          break;
        }
      }
      if (!found) {
        done = true;
        return;
      }
      List<RawMessage> messages = new ArrayList<>();
      while (xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.START_ELEMENT && "message".equals(xml.getLocalName())) {
          messages.add(readMessage());
        } else if (ev == XMLStreamConstants.START_ELEMENT) {
          skipElement();
        } else if (ev == XMLStreamConstants.END_ELEMENT
            && "conversation".equals(xml.getLocalName())) {
          break;
        }
      }
      emit(id, messages);
    } catch (XMLStreamException e) {
      done = true;
      throw error(e);
    }
  }

  private RawMessage readMessage() throws XMLStreamException {
    RawMessage m = new RawMessage(xml.getLocation().getLineNumber());
    while (xml.hasNext()) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "author" -> m.author = xml.getElementText().strip();
          case "time" -> m.time = xml.getElementText().strip();
          case "text" -> m.text = xml.getElementText();
          default -> skipElement();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && "message".equals(xml.getLocalName())) {
        break;
      }
    }
    return m;
  }

  private void skipElement() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private void emit(@Nullable String id, List<RawMessage> messages) {
    GoldClass gold = null;
    if (predators != null) {
      gold = GoldClass.BENIGN;
      for (RawMessage m : messages) {
        if (m.author != null && predators.contains(m.author)) {
          gold = GoldClass.GROOMING;
          break;
        }
      }
    }
    int day = 0;
    int previous = -1;
    for (RawMessage m : messages) {
      if (id == null || id.isBlank()) {
        pending.add(InputLine.malformed(m.line, "conversation without an id attribute"));
        continue;
      }
      if (m.author == null || m.author.isEmpty()) {
        pending.add(InputLine.malformed(m.line, "message without an author"));
        continue;
      }
      int minute = m.time == null ? -1 : minuteOfDay(m.time);
      if (minute < 0) {
        pending.add(InputLine.malformed(m.line, "bad time: expected HH:MM"));
        continue;
      }
      if (minute < previous) {
        day++;
      }
      previous = minute;
      Instant time = BASE_DATE.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute));
      Message message = Message.of(id, m.author, time, m.text == null ? "" : m.text);
      pending.add(InputLine.ok(new LabelledMessage(m.line, message, gold, null, Set.of(), null)));
    }
  }

  /** Minutes since midnight of {@code HH:MM} (or {@code H:MM}), or -1 if invalid. */
  static int minuteOfDay(String hhmm) {
    int colon = hhmm.indexOf(':');
    if (colon < 1 || colon > 2 || hhmm.length() != colon + 3) {
      return -1;
    }
    int h = digits(hhmm, 0, colon);
    int m = digits(hhmm, colon + 1, hhmm.length());
    return h < 0 || h > 23 || m < 0 || m > 59 ? -1 : h * 60 + m;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** An input error that says where, without the parser's message (it may quote the input). */
  private static InputException error(XMLStreamException e) {
    Location loc = e.getLocation();
    String where = loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String why = msg.contains("entity") || msg.contains("DOCTYPE") || msg.contains("DTD")
        ? " (DTDs and entities are not accepted)"
        : "";
    return new InputException("not well-formed PAN 2012 XML" + where + why, e);
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e.getClass().getSimpleName();
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Closing a StAX reader never fails for a reason the caller can act on.
    } finally {
      in.close();
    }
  }
}
