package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.TransformerBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transformer model directory from {@code path}: the shipped files copied with their manifest
 * load and give the shipped embeddings; a tampered or missing file, or a manifest that does not
 * fit, is refused with a {@link ModelIntegrityException} naming the problem.
 */
class TransformerModelTest {

  @TempDir Path dir;

  /** Copies the shipped model (manifest, head, encoder graph and tokenizer) to {@code dir}. */
  static void copyShipped(Path dir) throws IOException {
    ModelBundle.Source cp = TransformerBundle.classpath();
    for (String f : List.of(ModelBundle.MANIFEST, "head.bin", "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json")) {
      Files.write(dir.resolve(f), cp.read(f));
    }
  }

  private String loadFails() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new TransformerClassifierProvider()
        .create(Map.of(TransformerClassifierProvider.PATH, dir.toString())));
    assertTrue(e.getCause() instanceof ModelIntegrityException, e.toString());
    return e.getCause().getMessage();
  }

  private void editManifest(String from, String to) throws IOException {
    Path m = dir.resolve(ModelBundle.MANIFEST);
    String text = Files.readString(m);
    assertTrue(text.contains(from), from);
    Files.writeString(m, text.replace(from, to));
  }

  @Test
  void path_copiedShippedModel_loadsAndEmbedsAsShipped() throws IOException {
    copyShipped(dir);
    TransformerBundle user = TransformerBundle.load(ModelBundle.directory(dir));
    TransformerBundle shipped = TransformerBundle.load(TransformerBundle.classpath());
    float[] a = new float[384];
    float[] b = new float[384];
    user.encoder().embed("are you home alone right now?", a);
    shipped.encoder().embed("are you home alone right now?", b);
    assertArrayEquals(b, a);
    assertEquals(TransformerClassifierProvider.NAME, new TransformerClassifierProvider()
        .create(Map.of(TransformerClassifierProvider.PATH, dir.toString())).name());
  }

  @Test
  void load_tamperedEncoder_failsItsChecksum() throws IOException {
    copyShipped(dir);
    Path model = dir.resolve("all-minilm-l6-v2-q.onnx");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(model, bytes);
    String m = loadFails();
    assertTrue(m.contains("all-minilm-l6-v2-q.onnx") && m.contains("fails its checksum"), m);
  }

  @Test
  void load_tamperedTokenizer_failsItsChecksum() throws IOException {
    copyShipped(dir);
    Path tok = dir.resolve("all-minilm-l6-v2-q-tokenizer.json");
    Files.writeString(tok, Files.readString(tok).replaceFirst("\"hello\"", "\"hellp\""));
    String m = loadFails();
    assertTrue(m.contains("tokenizer.json") && m.contains("fails its checksum"), m);
  }

  @Test
  void load_tamperedHead_failsItsChecksum() throws IOException {
    copyShipped(dir);
    Path head = dir.resolve("head.bin");
    byte[] bytes = Files.readAllBytes(head);
    bytes[5] ^= 0x40;
    Files.write(head, bytes);
    String m = loadFails();
    assertTrue(m.contains("head.bin") && m.contains("fails its checksum"), m);
  }

  @Test
  void load_missingFile_isNamed() throws IOException {
    copyShipped(dir);
    Files.delete(dir.resolve("all-minilm-l6-v2-q-tokenizer.json"));
    String m = loadFails();
    assertTrue(m.contains("all-minilm-l6-v2-q-tokenizer.json") && m.contains("missing"), m);
  }

  @Test
  void load_wrongDimension_doesNotFit() throws IOException {
    copyShipped(dir);
    editManifest("\"dimension\" : 384", "\"dimension\" : 768");
    assertTrue(loadFails().contains("does not fit"));
  }

  @Test
  void load_unknownPooling_orOutput_isRefused() throws IOException {
    copyShipped(dir);
    editManifest("\"pooling\" : \"mean\"", "\"pooling\" : \"max\"");
    assertTrue(loadFails().contains("pooling"));
    copyShippedManifestAgain();
    editManifest("\"output\" : \"last_hidden_state\"", "\"output\" : \"logits\"");
    assertTrue(loadFails().contains("no output logits"));
  }

  @Test
  void load_otherFormatPipelineOrPath_isRefused() throws IOException {
    copyShipped(dir);
    editManifest("\"format_version\" : 1", "\"format_version\" : 9");
    assertTrue(loadFails().contains("format version 9"));
    copyShippedManifestAgain();
    editManifest("\"pipeline\" : \"sentence-embedding-head-v1\"", "\"pipeline\" : \"com.example.Evil\"");
    assertTrue(loadFails().contains("pipeline"));
    copyShippedManifestAgain();
    editManifest("\"file\" : \"head.bin\"", "\"file\" : \"../head.bin\"");
    assertTrue(loadFails().contains("not a plain file name"));
  }

  @Test
  void load_malformedManifest_isRefused() throws IOException {
    copyShipped(dir);
    Files.writeString(dir.resolve(ModelBundle.MANIFEST), "{ nope");
    assertTrue(loadFails().contains("malformed"));
  }

  private void copyShippedManifestAgain() throws IOException {
    Files.write(dir.resolve(ModelBundle.MANIFEST), TransformerBundle.classpath().read(ModelBundle.MANIFEST));
  }
}
