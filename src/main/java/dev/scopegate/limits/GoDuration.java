package dev.scopegate.limits;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String}, in nanoseconds, so that Scopegate
 * reads a trace {@code timeout} exactly as the node will: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}
 * with units ns, us, µs (U+00B5), μs (U+03BC), ms, s, m, h; a bare {@code 0}; ASCII digits only;
 * no spaces; more than int64 nanoseconds is invalid. Written here, following Go's own algorithm
 * step for step (uint64 sums, the fraction through float64), because the Java libraries that read
 * "Go durations" accept another language (days and weeks, no fractions, no sign, spaces) — and a
 * reader that disagrees with the node's is a way past a limit.
 */
public final class GoDuration {
  private static final long NS = 1;
  private static final long US = 1_000;
  private static final long MS = 1_000_000;
  private static final long S = 1_000_000_000;
  private static final long M = 60 * S;
  private static final long H = 60 * M;
  /** 1<<63 as an unsigned value: Go's sums may reach it (a negative duration's magnitude). */
  private static final long TWO_63 = Long.MIN_VALUE;

  private GoDuration() {}

  /** Why a text is not a Go duration; the message is Go's, without the text. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  /** The duration {@code text} names, in nanoseconds; {@link Invalid} where Go returns an error. */
  public static long parse(String text) {
    String s = text;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new Invalid("invalid duration");
    }
    long d = 0; // unsigned
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || isDigit(c))) {
        throw new Invalid("invalid duration");
      }
      // [0-9]*
      int start = i;
      long v = 0; // unsigned
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, 10)) > 0) {
          throw new Invalid("invalid duration");
        }
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, TWO_63) > 0) {
          throw new Invalid("invalid duration");
        }
      }
      boolean pre = i != start;
      // (\.[0-9]*)?
      long f = 0; // unsigned
      double scale = 1;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        boolean overflow = false;
        for (; i < s.length() && isDigit(s.charAt(i)); i++) {
          if (overflow) {
            continue;
          }
          if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s.charAt(i) - '0');
          if (Long.compareUnsigned(y, TWO_63) > 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = i != fractionStart;
      }
      if (!pre && !post) {
        throw new Invalid("invalid duration");
      }
      // the unit: everything up to the next digit or '.'
      int unitStart = i;
      while (i < s.length() && !(s.charAt(i) == '.' || isDigit(s.charAt(i)))) {
        i++;
      }
      if (i == unitStart) {
        throw new Invalid("missing unit in duration");
      }
      long unit = unit(s.substring(unitStart, i));
      if (unit == 0) {
        throw new Invalid("unknown unit in duration");
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, unit)) > 0) {
        throw new Invalid("invalid duration");
      }
      v *= unit;
      if (f != 0) {
        // Go: uint64(float64(f) * (float64(unit) / scale)); f is at most 1<<63
        double fraction = f < 0 ? 0x1p63 : (double) f;
        v += (long) (fraction * ((double) unit / scale));
        if (Long.compareUnsigned(v, TWO_63) > 0) {
          throw new Invalid("invalid duration");
        }
      }
      d += v;
      if (Long.compareUnsigned(d, TWO_63) > 0) {
        throw new Invalid("invalid duration");
      }
    }
    if (neg) {
      return -d; // 1<<63 becomes Long.MIN_VALUE, as in Go
    }
    if (d < 0) { // 1<<63, unsigned: one more than int64 holds
      throw new Invalid("invalid duration");
    }
    return d;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unit(String name) {
    return switch (name) {
      case "ns" -> NS;
      case "us", "\u00b5s", "\u03bcs" -> US;
      case "ms" -> MS;
      case "s" -> S;
      case "m" -> M;
      case "h" -> H;
      default -> 0;
    };
  }

  /** As Go's {@code Duration.String}: {@code 1h2m3.5s}, {@code 300ms}, {@code 0s}; ParseDuration reads it back. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    long u = neg ? -nanos : nanos; // unsigned: Long.MIN_VALUE stays 1<<63
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, S) < 0) {
      // below a second: one smaller unit, with a fraction
      long unit;
      String name;
      if (u < US) {
        return (neg ? "-" : "") + u + "ns";
      } else if (u < MS) {
        unit = US;
        name = "µs";
      } else {
        unit = MS;
        name = "ms";
      }
      out.append(u / unit).append(fraction(u % unit, unit)).append(name);
    } else {
      long seconds = Long.divideUnsigned(u, S);
      long rest = Long.remainderUnsigned(u, S);
      long h = seconds / 3600;
      long m = seconds / 60 % 60;
      long sec = seconds % 60;
      if (h > 0) {
        out.append(h).append('h');
      }
      if (h > 0 || m > 0) {
        out.append(m).append('m');
      }
      out.append(sec).append(fraction(rest, S)).append('s');
    }
    return (neg ? "-" : "") + out;
  }

  /** {@code .5} for 500 of 1000: the digits of {@code part / whole}, trailing zeros dropped. */
  private static String fraction(long part, long whole) {
    if (part == 0) {
      return "";
    }
    String digits = Long.toString(whole + part).substring(1); // zero-padded to the unit's width
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }
}
