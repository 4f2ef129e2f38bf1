package dev.scopegate;

import java.net.BindException;

/**
 * A listener could not bind. The message names the setting, the address, and how to change it:
 * {@code server.port 127.0.0.1:8545 is in use; set SCOPEGATE_SERVER_PORT or --port}.
 */
public final class BindFailure extends RuntimeException {
  private BindFailure(String message, Throwable cause) {
    super(message, cause);
  }

  static BindFailure of(String key, String flag, String host, int port, Throwable cause) {
    String env = "SCOPEGATE_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    String address = host + ":" + port;
    String problem = inUse(cause) ? " is in use" : ": cannot listen: " + reason(cause);
    return new BindFailure(key + " " + address + problem + "; set " + env + " or " + flag, cause);
  }

  private static boolean inUse(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
