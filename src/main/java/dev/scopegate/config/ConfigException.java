package dev.scopegate.config;

/**
 * Startup stops on this. The message is one line, {@code <key or variable>: <problem>}, so an
 * operator can act on it from a log line alone; it never carries a secret's value.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String where, String problem) {
    super(oneLine(where + ": " + problem), null, false, false);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
