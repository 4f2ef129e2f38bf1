package dev.scopegate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpcModeTest {
  @TempDir Path dir;

  private Config withMode(String written) {
    return Yaml.load(dir, Yaml.UPSTREAM + "ipc: { path: sg.ipc, mode: " + written + " }\n");
  }

  @ParameterizedTest
  @CsvSource({"'\"0600\"', 0600", "'\"600\"', 0600", "'\"0660\"', 0660", "'\"0700\"', 0700",
      // unquoted, YAML would read 0600 as a number; its text is kept, never reinterpreted
      "0600, 0600", "640, 0640"})
  void aModeOfThreeOrFourOctalDigitsIsKeptAsFourDigits(String written, String mode) {
    assertEquals(mode, withMode(written).ipc().mode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"0800\"", "\"06000\"", "\"60\"", "rw-------", "\"\"", "0x180"})
  void anythingElseIsRefused(String written) {
    ConfigException e = assertThrows(ConfigException.class, () -> withMode(written));
    String shown = written.startsWith("\"") ? written : "\"" + written + "\"";
    assertEquals("ipc.mode: expected 3 or 4 octal digits in quotes, e.g. \"0600\", got " + shown,
        e.getMessage());
  }
}
