package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.models.internal.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that does not match its manifest is refused with a message naming the file. */
class ModelIntegrityTest {

  @TempDir Path dir;

  @BeforeEach
  void copy() throws IOException {
    ServiceLoadingTest.copyShipped(dir);
  }

  private String loadFails() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new TrainedClassifierProvider().create(Map.of(TrainedClassifierProvider.PATH, dir.toString())));
    assertTrue(e.getCause() instanceof ModelIntegrityException, e.toString());
    return e.getCause().getMessage();
  }

  @Test
  void load_tamperedModel_failsItsChecksum() throws IOException {
    Path model = dir.resolve("linear.onnx");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(model, bytes);
    String m = loadFails();
    assertTrue(m.contains("linear.onnx") && m.contains("fails its checksum"), m);
  }

  @Test
  void load_tamperedColumns_failsItsChecksum() throws IOException {
    Path columns = dir.resolve("columns.bin");
    byte[] bytes = Files.readAllBytes(columns);
    bytes[7] ^= 0x10;
    Files.write(columns, bytes);
    assertTrue(loadFails().contains("columns.bin"));
  }

  @Test
  void load_missingFile_isNamed() throws IOException {
    Files.delete(dir.resolve("linear.onnx"));
    String m = loadFails();
    assertTrue(m.contains("linear.onnx") && m.contains("missing"), m);
  }

  @Test
  void load_changedFeatureDefinition_failsTheFingerprint() throws IOException {
    // A consistent manifest (checksum updated) for a feature definition the code does not produce.
    Path features = dir.resolve("features.json");
    String json = Files.readString(features).replace("\"char_weight\" : 1.0", "\"char_weight\" : 0.5");
    Files.writeString(features, json);
    rewriteManifest("features.json", features);
    String m = loadFails();
    assertTrue(m.contains("fingerprint"), m);
  }

  @Test
  void load_fileNameWithAPath_isRefused() throws IOException {
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"file\" : \"linear.onnx\"",
        "\"file\" : \"../linear.onnx\""));
    assertTrue(loadFails().contains("not a plain file name"));
  }

  @Test
  void load_otherFormatVersion_isRefused() throws IOException {
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 99"));
    assertTrue(loadFails().contains("format version 99"));
  }

  @Test
  void load_malformedManifest_isRefused() throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{ not json", StandardCharsets.UTF_8);
    assertTrue(loadFails().contains("malformed"));
  }

  private void rewriteManifest(String file, Path changed) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    String text = Files.readString(manifest);
    String marker = "\"file\" : \"" + file + "\",";
    int at = text.indexOf(marker);
    int shaStart = text.indexOf("\"sha256\" : \"", at) + "\"sha256\" : \"".length();
    int shaEnd = text.indexOf('"', shaStart);
    text = text.substring(0, shaStart) + ModelBundle.sha256(Files.readAllBytes(changed)) + text.substring(shaEnd);
    Files.writeString(manifest, text);
  }
}
