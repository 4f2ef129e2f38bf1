package dev.scopegate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The value types the key table is written in. */
final class Types {
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
  private static final Pattern FILE_MODE = Pattern.compile("[0-7]{3,4}");
  private static final Set<String> HTTP = Set.of("http", "https");

  static final ValueType<String> STRING = new Scalar<>("a string", s -> s);
  static final ValueType<String> HOST =
      new Scalar<>("a host name or address", s -> s.isBlank() ? null : s.strip());
  static final ValueType<Boolean> BOOL = new Scalar<>("true or false", Types::bool);
  static final ValueType<Path> PATH = new Scalar<>("a file system path", Types::path);
  static final ValueType<String> FILE_MODE_TYPE =
      new Scalar<>("3 or 4 octal digits in quotes, e.g. \"0600\"", Types::fileMode);
  static final ValueType<URI> HTTP_URL =
      new Scalar<>("an http or https URL", s -> url(s, HTTP));
  static final ValueType<URI> WS_URL =
      new Scalar<>("a ws or wss URL", s -> url(s, Set.of("ws", "wss")));
  static final ValueType<String> PRIVACY_MANAGER =
      new Scalar<>("an http(s) URL or unix:/path/to/tm.ipc", Types::privacyManager);

  private Types() {}

  static final ValueType<Optional<dev.scopegate.mode.NodeMode>> NODE_MODE =
      new Scalar<>("auto, single, mps or public", s -> s.strip().equals("auto")
          ? Optional.empty()
          : dev.scopegate.mode.NodeMode.of(s.strip()).map(Optional::of).orElse(null));

  static ValueType<Integer> integer(int min, int max) {
    String expected = max == Integer.MAX_VALUE
        ? "an integer of at least " + min
        : "an integer from " + min + " to " + max;
    return new Scalar<>(expected, s -> {
      Long value = longIn(s, min, max);
      return value == null ? null : value.intValue();
    });
  }

  static ValueType<Long> atLeast(long min) {
    return new Scalar<>("an integer of at least " + min, s -> longIn(s, min, Long.MAX_VALUE));
  }

  private static Long longIn(String text, long min, long max) {
    String s = text.strip();
    if (!INTEGER.matcher(s).matches()) {
      return null;
    }
    try {
      long value = Long.parseLong(s);
      return value >= min && value <= max ? value : null;
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  private static Boolean bool(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null;
  }

  // Kept as text, never as a number, so an octal mode is not read as decimal; always 4 digits.
  private static String fileMode(String text) {
    String s = text.strip();
    return FILE_MODE.matcher(s).matches() ? "0".repeat(4 - s.length()) + s : null;
  }

  private static Path path(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      // Relative paths resolve from the working directory, once, here.
      return Path.of(text.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static URI url(String text, Set<String> schemes) {
    try {
      URI uri = new URI(text.strip());
      boolean fits = uri.getScheme() != null && uri.getHost() != null
          && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT));
      return fits ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String privacyManager(String text) {
    String s = text.strip();
    if (s.startsWith("unix:")) {
      Path socket = path(s.substring("unix:".length()));
      return socket == null ? null : "unix:" + socket;
    }
    return url(s, HTTP) == null ? null : s;
  }
}
