package dev.vigil.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The seeded, realistic message mix every benchmark reads: English and French chat lines written
 * for this module (none is taken from a corpus, none is sexually explicit).
 *
 * <p>What a line looks like, per language, over {@link #SIZE} lines:
 *
 * <ul>
 *   <li>about 86% ordinary short lines of 2 to 12 words (greetings, games, school, food, plans),
 *       with SMS spellings ({@code u r ur pls idk} / {@code slt tkt jsp pk t'es stp koi}),
 *       repeated letters and emoji;
 *   <li>about 9% risky short lines, so that the rules fire: age questions, secrecy, moves to
 *       another platform, photo requests, gifts, meeting, and threats with a payment demand;
 *   <li>about 5% long lines of 300 to 1,500 characters (a story about a game or a school day),
 *       a third of them with a risky sentence inside;
 *   <li>obfuscation on about a third of the risky lines and a few ordinary ones: leetspeak
 *       ({@code s3nd}), spaced letters ({@code s n a p}), zero-width characters inside a word,
 *       Cyrillic look-alike letters.
 * </ul>
 *
 * <p>The lines are generated once per JVM from {@link #SEED} with {@link java.util.Random},
 * whose algorithm is fixed by its specification, so every benchmark and every run sees the same
 * messages. Run {@code java -cp benchmarks.jar dev.vigil.benchmarks.MessageMix} to print
 * statistics and a sample. Thread-safe: the lists are immutable.
 */
public final class MessageMix {

  /** The seed of the mix. Changing it changes every benchmark's input. */
  public static final long SEED = 0x5EED_0F_B16L;

  /** Lines per language. */
  public static final int SIZE = 4096;

  /** Which lines to read. */
  public enum Mix {
    /** English lines only. */
    EN,
    /** French lines only. */
    FR,
    /** Both: English at even positions, French at odd ones. */
    BOTH;

    /** The mix for {@code en}, {@code fr} or {@code both} (case-insensitive). */
    public static Mix of(String name) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "en":
          return EN;
        case "fr":
          return FR;
        case "both":
          return BOTH;
        default:
          throw new IllegalArgumentException("unknown mix '" + name + "': use en, fr or both");
      }
    }
  }

  private static final class Holder {
    static final List<String> EN = generate(true, SEED);
    static final List<String> FR = generate(false, SEED + 1);
    static final List<String> BOTH = interleave(EN, FR);
  }

  private MessageMix() {}

  /** The English lines. */
  public static List<String> english() {
    return Holder.EN;
  }

  /** The French lines. */
  public static List<String> french() {
    return Holder.FR;
  }

  /** The lines of a mix. */
  public static List<String> lines(Mix mix) {
    switch (mix) {
      case EN:
        return Holder.EN;
      case FR:
        return Holder.FR;
      default:
        return Holder.BOTH;
    }
  }

  /** The lines of a mix named {@code en}, {@code fr} or {@code both}. */
  public static List<String> lines(String mix) {
    return lines(Mix.of(mix));
  }

  // -------------------------------------------------------------------------------------------
  // Conversation and sender ids
  // -------------------------------------------------------------------------------------------

  /**
   * The id of conversation {@code index}, shaped like a platform's DM channel id (20
   * characters): {@code dm-} and 17 digits.
   */
  public static String conversationId(int index) {
    return String.format(Locale.ROOT, "dm-%017d", 73_000_000_000_000_000L + index * 7919L);
  }

  /**
   * The id of party {@code party} (0 or 1) of two-party conversation {@code index}: {@code u}
   * and 10 digits, different for every conversation and party.
   */
  public static String senderId(int index, int party) {
    if (party != 0 && party != 1) {
      throw new IllegalArgumentException("party must be 0 or 1, got " + party);
    }
    return String.format(Locale.ROOT, "u%010d", 2L * index + party + 1_000_000_000L);
  }

  /** The language of conversation {@code index} in the {@link Mix#BOTH} mix: even EN, odd FR. */
  public static Mix languageOf(int index) {
    return (index & 1) == 0 ? Mix.EN : Mix.FR;
  }

  // -------------------------------------------------------------------------------------------
  // Generation
  // -------------------------------------------------------------------------------------------

  private static List<String> interleave(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a.size() + b.size());
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        out.add(a.get(i));
      }
      if (i < b.size()) {
        out.add(b.get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  static List<String> generate(boolean english, long seed) {
    Random rnd = new Random(seed);
    Lexis x = english ? Lexis.EN : Lexis.FR;
    List<String> out = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      double kind = rnd.nextDouble();
      String line;
      if (kind < 0.05) {
        line = longLine(x, rnd);
      } else if (kind < 0.14) {
        line = fill(pick(x.risky, rnd), x, rnd);
        if (rnd.nextDouble() < 0.35) {
          line = obfuscate(line, x, rnd);
        }
      } else if (kind < 0.155) {
        line = emojiOnly(rnd);
      } else {
        line = fill(pick(x.ordinary, rnd), x, rnd);
        if (rnd.nextDouble() < 0.04) {
          line = obfuscate(line, x, rnd);
        }
      }
      if (rnd.nextDouble() < 0.3) {
        line = sms(line, x, rnd);
      }
      if (rnd.nextDouble() < 0.25) {
        line = withEmoji(line, rnd);
      }
      out.add(line);
    }
    return Collections.unmodifiableList(out);
  }

  private static String pick(String[] pool, Random rnd) {
    return pool[rnd.nextInt(pool.length)];
  }

  /** Replaces {game} {food} {name} {place} {time} {num} {money} {app} in a template. */
  private static String fill(String template, Lexis x, Random rnd) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        sb.append(c);
        i++;
        continue;
      }
      String slot = template.substring(i + 1, close);
      switch (slot) {
        case "game":
          sb.append(pick(GAMES, rnd));
          break;
        case "food":
          sb.append(pick(x.food, rnd));
          break;
        case "name":
          sb.append(pick(NAMES, rnd));
          break;
        case "place":
          sb.append(pick(x.places, rnd));
          break;
        case "time":
          sb.append(pick(x.times, rnd));
          break;
        case "num":
          sb.append(2 + rnd.nextInt(30));
          break;
        case "money":
          sb.append(50 * (1 + rnd.nextInt(10)));
          break;
        case "app":
          sb.append(pick(APPS, rnd));
          break;
        default:
          throw new IllegalStateException("unknown slot {" + slot + "} in " + template);
      }
      i = close + 1;
    }
    return sb.toString();
  }

  /** Long lines stop here, so that an emoji added later keeps them within 1,500 characters. */
  private static final int LONG_MAX = 1490;

  private static String longLine(Lexis x, Random rnd) {
    int target = 300 + rnd.nextInt(1201);
    boolean risky = rnd.nextDouble() < 0.33;
    int riskyAt = risky ? rnd.nextInt(Math.max(1, target / 120)) : -1;
    StringBuilder sb = new StringBuilder(target + 200);
    int sentence = 0;
    while (sb.length() < target) {
      String s = sentence == riskyAt ? fill(pick(x.risky, rnd), x, rnd) : fill(pick(x.story, rnd), x, rnd);
      if (sb.length() + s.length() + 1 > LONG_MAX && sb.length() >= 300) {
        break;
      }
      if (sb.length() > 0) {
        sb.append(rnd.nextInt(4) == 0 ? " ... " : " ");
      }
      sb.append(s);
      sentence++;
    }
    if (sb.length() > LONG_MAX) {
      sb.setLength(LONG_MAX);
    }
    return sb.toString();
  }

  private static String emojiOnly(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    String e = pick(EMOJI, rnd);
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextInt(3) == 0 ? pick(EMOJI, rnd) : e);
    }
    return sb.toString();
  }

  private static String withEmoji(String line, Random rnd) {
    String e = pick(EMOJI, rnd);
    if (rnd.nextInt(3) == 0) {
      e = e + e;
    }
    switch (rnd.nextInt(4)) {
      case 0:
        return e + " " + line;
      case 1:
        return line + e;
      default:
        return line + " " + e;
    }
  }

  /** SMS spellings: replaces whole words of the line from the language's table. */
  private static String sms(String line, Lexis x, Random rnd) {
    String[] words = line.split(" ", -1);
    boolean changed = false;
    for (int i = 0; i < words.length; i++) {
      for (String[] pair : x.sms) {
        if (words[i].equalsIgnoreCase(pair[0]) && rnd.nextInt(4) != 0) {
          words[i] = pair[1];
          changed = true;
          break;
        }
      }
    }
    return changed ? String.join(" ", words) : line;
  }

  /** Obfuscates one word: a keyword of the line when it has one, else its longest word. */
  static String obfuscate(String line, Lexis x, Random rnd) {
    String[] words = line.split(" ", -1);
    int target = -1;
    for (int i = 0; i < words.length && target < 0; i++) {
      for (String k : x.keywords) {
        if (words[i].equalsIgnoreCase(k)) {
          target = i;
          break;
        }
      }
    }
    if (target < 0) {
      for (int i = 0; i < words.length; i++) {
        if (isLetters(words[i]) && (target < 0 || words[i].length() > words[target].length())) {
          target = i;
        }
      }
    }
    if (target < 0 || words[target].length() < 3) {
      return line;
    }
    String w = words[target];
    switch (rnd.nextInt(4)) {
      case 0:
        words[target] = leet(w);
        break;
      case 1:
        words[target] = spaced(w, rnd.nextInt(3) == 0 ? '.' : ' ');
        break;
      case 2:
        words[target] = zeroWidth(w, rnd);
        break;
      default:
        words[target] = cyrillic(w);
        break;
    }
    return String.join(" ", words);
  }

  private static boolean isLetters(String w) {
    if (w.isEmpty()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isLetter(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String leet(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      switch (Character.toLowerCase(c)) {
        case 'a':
          sb.append('4');
          break;
        case 'e':
          sb.append('3');
          break;
        case 'i':
          sb.append('1');
          break;
        case 'o':
          sb.append('0');
          break;
        case 's':
          sb.append(i == 0 ? c : '5');
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  static String spaced(String w, char separator) {
    StringBuilder sb = new StringBuilder(w.length() * 2);
    for (int i = 0; i < w.length(); i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(w.charAt(i));
    }
    return sb.toString();
  }

  private static final char[] ZERO_WIDTH = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'};

  static String zeroWidth(String w, Random rnd) {
    StringBuilder sb = new StringBuilder(w.length() * 2);
    for (int i = 0; i < w.length(); i++) {
      if (i > 0 && rnd.nextInt(2) == 0) {
        sb.append(ZERO_WIDTH[rnd.nextInt(ZERO_WIDTH.length)]);
      }
      sb.append(w.charAt(i));
    }
    return sb.toString();
  }

  /** Latin letters and their Cyrillic look-alikes. */
  private static final String LATIN = "aeopcxyi";
  private static final String CYRILLIC = "\u0430\u0435\u043E\u0440\u0441\u0445\u0443\u0456";

  static String cyrillic(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    boolean done = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      int k = LATIN.indexOf(c);
      // One or two look-alikes per word, as evaders do: enough to break a naive filter.
      if (k >= 0 && (!done || i % 3 == 0)) {
        sb.append(CYRILLIC.charAt(k));
        done = true;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // -------------------------------------------------------------------------------------------
  // Statistics (java -cp benchmarks.jar dev.vigil.benchmarks.MessageMix)
  // -------------------------------------------------------------------------------------------

  /** Prints the size, length and word-count distribution of each mix and a few lines. */
  public static void main(String[] args) {
    for (Mix m : new Mix[] {Mix.EN, Mix.FR}) {
      List<String> lines = lines(m);
      int shortLines = 0;
      int longLines = 0;
      int nonAscii = 0;
      long chars = 0;
      for (String s : lines) {
        chars += s.length();
        int words = s.isBlank() ? 0 : s.trim().split("\\s+").length;
        if (words <= 12) {
          shortLines++;
        }
        if (s.length() >= 300) {
          longLines++;
        }
        if (!s.chars().allMatch(c -> c < 128)) {
          nonAscii++;
        }
      }
      System.out.printf(Locale.ROOT,
          "%s: %d lines, mean %.1f chars, %d of <= 12 words, %d of >= 300 chars, %d with non-ASCII%n",
          m, lines.size(), chars / (double) lines.size(), shortLines, longLines, nonAscii);
      for (int i = 0; i < 25; i++) {
        String s = lines.get(i);
        System.out.println("  " + (s.length() > 100 ? s.substring(0, 100) + "..." : s));
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Word lists (written for this module)
  // -------------------------------------------------------------------------------------------

  private static final String[] GAMES = {
    "fortnite", "minecraft", "roblox", "valorant", "apex", "rocket league", "among us", "fifa",
    "mario kart", "overwatch", "brawl stars", "genshin", "zelda", "smash", "warzone"
  };
  private static final String[] NAMES = {
    "Lucas", "Emma", "Noah", "Chloe", "Jayden", "Ines", "Mila", "Ethan", "Sami", "Lea", "Max",
    "Zoe", "Adam", "Nina", "Theo", "Maya", "Hugo", "Jade", "Liam", "Sofia"
  };
  private static final String[] APPS = {
    "snap", "snapchat", "insta", "whatsapp", "telegram", "discord", "kik", "signal"
  };
  private static final String[] EMOJI = {
    "😂", "😭", "🙏", "❤️", "😍", "🔥", "👀", "💀", "😅", "🥺", "😘", "👍🏽", "🎮", "😎", "✨", "🤣",
    "😳", "💯", "🙄", "😡", "🥲", "🤔", "😴", "🍕", "⚽", "🎉", "💔", "🤝", "😬", "🫶"
  };

  /** One language's templates and tables. */
  static final class Lexis {
    final String[] ordinary;
    final String[] risky;
    final String[] story;
    final String[] food;
    final String[] places;
    final String[] times;
    final String[][] sms;
    final String[] keywords;

    Lexis(String[] ordinary, String[] risky, String[] story, String[] food, String[] places,
        String[] times, String[][] sms, String[] keywords) {
      this.ordinary = ordinary;
      this.risky = risky;
      this.story = story;
      this.food = food;
      this.places = places;
      this.times = times;
      this.sms = sms;
      this.keywords = keywords;
    }

    static final Lexis EN = new Lexis(
        new String[] {
          "hey whats up", "hiii", "yo {name} u on?", "lol same", "omg that was so funny",
          "brb dinner", "gg wp", "u playing {game} later?", "wanna duo in {game}", "idk tbh",
          "ok cool", "nah im good", "did u finish the math homework", "that test was so hard",
          "my mom says i have to clean my room first", "what time is practice tomorrow",
          "can u help me with the science project", "lmaooo", "im so bored rn",
          "we won the match!!", "that boss fight took forever", "who r u voting for in the class thing",
          "my brother broke my headset again", "i got a new skin in {game}", "cya tmrw",
          "thanks for the help earlier", "the wifi keeps dropping", "having {food} for dinner",
          "r u coming to {place} on saturday", "my dog ate my charger lol",
          "did u see the new episode", "no spoilers pls", "that teacher is so strict",
          "i need to study for the quiz", "ok ttyl", "whats the homework for english",
          "we should make a server for the team", "my phone is at 2 percent", "good night everyone",
          "morning", "lets goooo", "this lag is insane", "im stuck on level {num}",
          "u still mad about yesterday?", "sorry i was busy", "wait what happened",
          "no way thats crazy", "ur so lucky", "can we play after school", "it's raining again",
          "i love this song", "send the link to the video", "which server r u on", "bruh",
          "i have a dentist appointment at {time}", "my sister is so annoying today",
          "did anyone get the answers for page {num}", "football practice got cancelled",
          "mom made {food} again", "happy birthday {name}!!", "thx", "np", "ya ik",
          "r u going to the party at {name}s house", "i cant find my other shoe",
          "the new update is kinda mid", "who took my seat lol", "i'll be online at {time}",
          "we need one more player", "my parents said yes to the trip", "ugh mondays",
          "that movie was so good", "anyone want to trade cards", "pleeeease help me",
          "hahaha ur so weird", "im literally dying of laughter", "what did u get for question {num}",
          "the bus was late again", "my grandma is visiting this weekend", "can u lend me ur notes",
          "coach said we need to run more", "this map is so hard", "finally got the diamond sword",
          "why is everyone so quiet today", "ok but hear me out", "that's so unfair",
          "does anyone know how to fix this bug", "see u at {place}", "did u feed the cat",
          "i'm making {food}", "best day ever", "i hate waking up early", "u were right",
          "just got home", "ill call u later", "do u know the wifi password",
          "what r u doing this weekend", "the concert tickets sold out", "my tablet died",
          "i need a new controller", "we have a sub today", "class is cancelled yay"
        },
        new String[] {
          "how old r u", "asl?", "wait how old are you", "what grade r u in", "r u {num} or older",
          "u in middle school?", "are your parents home right now",
          "dont tell ur parents about us", "this stays between us ok", "delete our chat after this",
          "keep it a secret from ur mom", "no one needs to know we talk", "its our little secret",
          "add me on {app}", "whats ur snap", "lets move to discord its more private",
          "do u have whatsapp", "text me on telegram instead", "give me ur number",
          "message me on {app} its safer", "send me a pic of u", "can u send a selfie",
          "show me ur face", "pic for pic?", "send a full body pic", "prove ur real send a photo",
          "send me another picture", "i can give u robux if u send a pic", "want free vbucks?",
          "i'll buy u anything u want", "we should meet up irl", "where do u live exactly",
          "i can pick u up from school", "ur so mature for ur age", "u can trust me",
          "ur parents dont understand u like i do", "pay {money} dollars or i send ur pics to all ur followers",
          "i have ur photos. send {money} in gift cards or everyone sees them",
          "u have 24 hours to pay or i post it", "send the money now or i share everything with ur family",
          "i recorded u. pay me {money} or ur friends get the video",
          "if u block me i will send it to everyone", "send {money} in bitcoin or ur school sees it",
          "please dont post it im scared", "i dont want to live anymore"
        },
        new String[] {
          "So yesterday we finally played the new {game} season with {name} and it was honestly so much fun.",
          "The first match was a disaster because my internet kept cutting out every two minutes.",
          "After that my mom made {food} and I had to stop for like an hour which was annoying.",
          "Then we came back and won three games in a row, I even got the top score in the last one.",
          "At school today the teacher gave us a huge project about volcanoes that is due next Friday.",
          "Nobody in my group wants to do the poster so I guess I am doing it again like always.",
          "My little brother keeps coming into my room when I am trying to study and it drives me crazy.",
          "We went to {place} after practice and spent all our money on snacks and arcade games.",
          "I think the new update changed the map and now all the good loot spots are gone.",
          "Honestly I do not understand why people are so mean in the chat when someone is new.",
          "My dad says I can get a new phone if my grades go up this term, so I am trying really hard.",
          "The weather was so bad that the whole football tournament got moved to next month.",
          "I spent the whole weekend building a castle with a moat and a secret library in it.",
          "Tomorrow we have a field trip to the science museum and we have to be there at {time}.",
          "I watched three episodes of that show everyone is talking about and I still do not get it."
        },
        new String[] {"pizza", "tacos", "pasta", "burgers", "soup", "curry", "nuggets", "pancakes"},
        new String[] {"the mall", "the park", "the skate park", "the pool", "the cinema", "the library"},
        new String[] {"4", "5pm", "6:30", "7", "8pm", "noon", "9"},
        new String[][] {
          {"you", "u"}, {"are", "r"}, {"your", "ur"}, {"please", "pls"}, {"because", "bc"},
          {"really", "rly"}, {"okay", "ok"}, {"tomorrow", "tmrw"}, {"thanks", "thx"},
          {"what", "wat"}, {"later", "l8r"}, {"before", "b4"}, {"people", "ppl"}
        },
        new String[] {
          "snap", "snapchat", "telegram", "whatsapp", "discord", "send", "pic", "photo", "selfie",
          "secret", "old", "pay", "money", "parents", "number", "picture", "face", "meet"
        });

    static final Lexis FR = new Lexis(
        new String[] {
          "slt ça va", "coucou", "t'es co {name} ?", "mdr grave", "jpp c'était trop drôle",
          "je reviens je mange", "bien joué", "tu joues à {game} ce soir ?", "on fait une partie ?",
          "jsp trop", "ok cool", "non ça va merci", "t'as fini les devoirs de maths ?",
          "le contrôle était trop dur", "ma mère veut que je range ma chambre",
          "l'entraînement c'est à quelle heure demain", "tu peux m'aider pour l'exposé",
          "ptdr", "je m'ennuie trop là", "on a gagné le match !!", "ce boss est impossible",
          "mon frère a encore cassé mon casque", "j'ai eu un nouveau skin sur {game}", "a demain",
          "merci pour tout à l'heure", "le wifi coupe tout le temps", "on mange {food} ce soir",
          "tu viens {place} samedi ?", "mon chien a mangé mon chargeur lol",
          "t'as vu le nouvel épisode", "pas de spoil stp", "la prof est trop sévère",
          "faut que je révise pour l'interro", "bon j'y vais", "c'est quoi les devoirs de français",
          "on devrait créer un serveur pour l'équipe", "mon tel est à 2%", "bonne nuit tout le monde",
          "bonjour", "allez go", "ça lag de ouf", "je suis bloqué au niveau {num}",
          "t'es encore fâché pour hier ?", "désolé j'étais occupé", "attends quoi",
          "nan c'est ouf", "t'as trop de chance", "on joue après les cours ?", "il pleut encore",
          "j'adore cette chanson", "envoie le lien de la vidéo", "t'es sur quel serveur", "wesh",
          "j'ai dentiste à {time}", "ma soeur est relou aujourd'hui",
          "quelqu'un a les réponses de la page {num} ?", "le foot est annulé",
          "ma mère a refait {food}", "joyeux anniversaire {name} !!", "merci", "de rien", "ouais je sais",
          "tu vas à la soirée chez {name} ?", "je trouve plus mon autre chaussure",
          "la mise à jour est nulle", "qui a pris ma place mdr", "je serai co à {time}",
          "il nous manque un joueur", "mes parents ont dit oui pour le voyage", "pfff lundi",
          "le film était trop bien", "quelqu'un veut échanger des cartes ?", "stppp aide moi",
          "hahaha t'es bizarre", "je suis mort de rire", "t'as mis quoi à la question {num}",
          "le bus est encore en retard", "ma grand-mère vient ce week-end", "tu me prêtes tes cours ?",
          "le coach veut qu'on court plus", "cette map est trop dure", "enfin l'épée en diamant",
          "pk personne parle aujourd'hui", "ok mais écoute", "c'est pas juste",
          "quelqu'un sait réparer ce bug ?", "on se voit {place}", "t'as donné à manger au chat ?",
          "je fais {food}", "meilleure journée de ma vie", "j'aime pas me lever tôt", "t'avais raison",
          "je viens de rentrer", "je t'appelle plus tard", "c'est quoi le code wifi",
          "tu fais quoi ce week-end", "y'a plus de places pour le concert", "ma tablette est morte",
          "faut que j'achète une manette", "on a un remplaçant aujourd'hui", "pas cours yes"
        },
        new String[] {
          "t'as quel âge", "tu as quel age ?", "tu es en quelle classe", "t'es au collège ?",
          "t'as {num} ans ou plus ?", "tes parents sont là ?", "dis rien à tes parents",
          "c'est notre secret ok", "supprime la conv après", "personne doit savoir qu'on parle",
          "le dis pas à ta mère", "ça reste entre nous", "ajoute moi sur {app}",
          "c'est quoi ton snap", "on passe sur insta c'est plus tranquille", "t'as whatsapp ?",
          "donne moi ton num", "écris moi sur telegram plutôt", "envoie moi une photo de toi",
          "tu peux m'envoyer un selfie", "montre moi ta tête", "photo contre photo ?",
          "envoie une photo en entier", "prouve que t'es vrai envoie une photo",
          "envoie moi une autre photo", "je te donne des robux si tu m'envoies une photo",
          "tu veux des vbucks gratuits ?", "je peux t'acheter ce que tu veux",
          "on devrait se voir en vrai", "t'habites où exactement", "je peux venir te chercher à l'école",
          "t'es mature pour ton âge", "tu peux me faire confiance", "tes parents te comprennent pas comme moi",
          "tu payes {money} euros ou j'envoie tes photos à tous tes abonnés",
          "t'as 24h pour payer sinon je publie tout",
          "envoie {money} euros en carte cadeau sinon ta famille verra tout",
          "je t'ai filmé. paye {money} euros ou tes amis auront la vidéo",
          "si tu me bloques j'envoie tout à tes contacts",
          "envoie l'argent maintenant sinon tout le collège va voir",
          "s'il te plaît publie rien j'ai peur", "j'ai plus envie de vivre"
        },
        new String[] {
          "Hier on a enfin joué à la nouvelle saison de {game} avec {name} et franchement c'était trop bien.",
          "La première partie était une catastrophe parce que ma connexion coupait toutes les deux minutes.",
          "Après ma mère a fait {food} et j'ai dû arrêter pendant une heure, c'était relou.",
          "Ensuite on a gagné trois parties d'affilée et j'ai même fait le meilleur score à la dernière.",
          "Au collège aujourd'hui la prof nous a donné un énorme exposé sur les volcans pour vendredi prochain.",
          "Personne dans mon groupe veut faire l'affiche donc comme d'habitude c'est moi qui vais la faire.",
          "Mon petit frère rentre tout le temps dans ma chambre quand j'essaie de réviser et ça m'énerve.",
          "On est allés {place} après l'entraînement et on a dépensé tout notre argent en bonbons.",
          "Je crois que la mise à jour a changé la carte et maintenant tous les bons coins ont disparu.",
          "Franchement je comprends pas pourquoi les gens sont aussi méchants dans le chat avec les nouveaux.",
          "Mon père dit que j'aurai un nouveau téléphone si mes notes remontent ce trimestre.",
          "Il faisait tellement mauvais que tout le tournoi de foot a été repoussé au mois prochain.",
          "J'ai passé tout le week-end à construire un château avec des douves et une bibliothèque cachée.",
          "Demain on a une sortie au musée des sciences et il faut être là-bas à {time}.",
          "J'ai regardé trois épisodes de la série dont tout le monde parle et j'ai toujours rien compris."
        },
        new String[] {"des pâtes", "une pizza", "des crêpes", "un gratin", "de la soupe", "des frites", "un couscous"},
        new String[] {"à la piscine", "au parc", "au skatepark", "au ciné", "au centre commercial", "à la médiathèque"},
        new String[] {"16h", "17h30", "18h", "midi", "9h", "14h"},
        new String[][] {
          {"salut", "slt"}, {"pourquoi", "pk"}, {"t'inquiète", "tkt"}, {"quoi", "koi"},
          {"c'est", "c"}, {"bonjour", "bjr"}, {"tu", "t"}, {"beaucoup", "bcp"}, {"merci", "mrc"},
          {"aujourd'hui", "ajd"}, {"quand", "qd"}, {"tout", "tt"}
        },
        new String[] {
          "snap", "insta", "telegram", "whatsapp", "photo", "selfie", "secret", "âge", "age",
          "payes", "payer", "paye", "euros", "parents", "num", "envoie", "tête", "vrai"
        });
  }
}
