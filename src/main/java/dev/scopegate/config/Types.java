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
  static final ValueType<URI> REDIS_URL =
      new Scalar<>("a redis or rediss URL", s -> url(s, Set.of("redis", "rediss")));
  static final ValueType<String> CLIENT_AUTH = new Scalar<>(
      "client_secret_basic or client_secret_post", Types::clientAuth);
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
      underscoreHost(uri);
      boolean fits = uri.getScheme() != null && uri.getHost() != null
          && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT));
      return fits ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  // client_secret_form is the GoQuorum security plugin's name for client_secret_post
  private static String clientAuth(String text) {
    String s = text.strip();
    return switch (s) {
      case "client_secret_basic", "client_secret_post" -> s;
      case "client_secret_form" -> "client_secret_post";
      default -> null;
    };
  }

  /**
   * java.net.URI reads a host with an underscore (a Docker Compose service name such as
   * {@code quorum_node}) as no host at all, which would otherwise surface as a puzzling
   * "expected an http URL".
   */
  private static void underscoreHost(URI uri) {
    String authority = uri.getRawAuthority();
    if (uri.getHost() == null && authority != null && authority.contains("_")) {
      throw new InvalidValue("host name \"" + authority.replaceFirst("^.*@", "").replaceFirst(":\\d*$", "")
          + "\" contains an underscore, which URLs do not allow; use a name with '-' or an IP address"
          + " (in Docker Compose, a hyphenated service name or alias)");
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
