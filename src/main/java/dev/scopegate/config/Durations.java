package dev.scopegate.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations carry their unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}). */
final class Durations {
  private static final Pattern WRITTEN = Pattern.compile("(\\d{1,12})(ms|s|m|h)");
  private static final Pattern BARE = Pattern.compile("\\d+");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of("ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS);

  static final ValueType<Duration> TYPE =
      new Scalar<>("a duration with a unit (ms, s, m, h)", Durations::read);

  /** The longest cap a trace timeout key takes: a longer one is a mistake, not a limit. */
  static final Duration MAX_CAP = Duration.ofHours(24);

  /** A cap: a duration up to {@link #MAX_CAP}, or 0 for off (as the other limits write off). */
  static final ValueType<Duration> CAP_OR_ZERO =
      new Scalar<>("a duration with a unit (ms, s, m, h) up to 24h, or 0 (off)", text -> {
        if (text.strip().equals("0")) {
          return Duration.ZERO;
        }
        Duration d = read(text);
        return d == null || d.compareTo(MAX_CAP) > 0 ? null : d;
      });

  private Durations() {}

  private static Duration read(String text) {
    String trimmed = text.strip();
    // A bare number is refused rather than guessed: "30" could mean seconds or milliseconds.
    if (BARE.matcher(trimmed).matches()) {
      throw new InvalidValue(
          "expected a duration, got " + new Raw.Text(text).describe() + "; write a unit, e.g. 30s");
    }
    Matcher m = WRITTEN.matcher(trimmed);
    if (!m.matches()) {
      return null;
    }
    return Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
  }
}
