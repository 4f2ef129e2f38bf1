package dev.scopegate.auth;

import java.util.Optional;

/**
 * An {@code rpc://} scope in GoQuorum's grammar: {@code rpc://<namespace><_|.><method>}, where an
 * empty part or {@code *} matches anything and {@code rpc://} alone grants every method. Only a
 * whole part may be a wildcard: {@code rpc://eth_get*} grants nothing.
 *
 * <p>As in the GoQuorum security plugin, the scheme is case-insensitive and a scope without a
 * delimiter names a namespace ({@code rpc://eth} is {@code rpc://eth_*}). Stricter than the plugin:
 * a third part ({@code rpc://eth_get_x}) makes the scope malformed rather than being ignored.
 */
public record RpcGrant(String namespace, String function) {
  private static final String PREFIX = "rpc://";
  private static final String ANY = "*";

  /** Parses one scope; empty when it is not an rpc scope or is malformed. */
  public static Optional<RpcGrant> parse(String scope) {
    if (!scope.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String rest = scope.substring(PREFIX.length());
    int cut = delimiter(rest);
    if (cut < 0) {
      return Optional.ofNullable(part(rest)).map(namespace -> new RpcGrant(namespace, ANY));
    }
    String namespace = part(rest.substring(0, cut));
    String function = part(rest.substring(cut + 1));
    if (namespace == null || function == null) {
      return Optional.empty();
    }
    return Optional.of(new RpcGrant(namespace, function));
  }

  /** Whether this grant covers a method name such as {@code eth_getBalance}. */
  public boolean covers(String method) {
    int cut = method.indexOf('_');
    if (cut < 0) {
      return false;
    }
    return matches(namespace, method, 0, cut) && matches(function, method, cut + 1, method.length());
  }

  /** {@code pattern} is the wildcard or equals {@code method[from, to)}, compared in place. */
  private static boolean matches(String pattern, String method, int from, int to) {
    return pattern.equals(ANY)
        || pattern.length() == to - from && method.regionMatches(from, pattern, 0, pattern.length());
  }

  private static int delimiter(String s) {
    int underscore = s.indexOf('_');
    int dot = s.indexOf('.');
    if (underscore < 0) {
      return dot;
    }
    return dot < 0 ? underscore : Math.min(underscore, dot);
  }

  /** A part as a pattern: empty or "*" is the wildcard; a partial wildcard is invalid (null). */
  private static String part(String raw) {
    if (raw.isEmpty() || raw.equals(ANY)) {
      return ANY;
    }
    return raw.contains(ANY) || raw.contains("_") || raw.contains(".") ? null : raw;
  }
}
