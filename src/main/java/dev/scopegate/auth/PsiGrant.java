package dev.scopegate.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code psi://<PSI>?self.eoa=<eoa|0x0>&node.eoa=<eoa|0x0>} scope (GoQuorum 21.4.2+ multiple
 * private states, {@code multitenancy/types.go}): the private state a tenant may use and the
 * accounts it may sign with there — node-managed ({@code node.eoa}) or its own ({@code self.eoa}),
 * both repeatable, {@code 0x0} any account. A grant with neither still grants the PSI itself
 * ({@code IsPSIAuthorized}) but no account.
 */
public record PsiGrant(String psi, List<String> selfEoas, List<String> nodeEoas) {
  /** GoQuorum's {@code multitenancy.AnyEOAAddress}. */
  public static final String ANY_ACCOUNT = "0x0";

  public PsiGrant {
    selfEoas = List.copyOf(selfEoas);
    nodeEoas = List.copyOf(nodeEoas);
  }

  /**
   * Parses one scope as Go's {@code url.Parse} reads it in {@code multitenancy/authorization.go}:
   * scheme case-insensitive, the host is the PSI, query values percent-decoded ({@code +} a space,
   * as {@code url.ParseQuery} does). Empty for any other scope or one without a PSI. Account values
   * are lower-cased: GoQuorum compares them as strings with its own lower-case form, so a
   * checksummed grant would never match there; here it names the same account.
   */
  public static Optional<PsiGrant> parse(String scope) {
    String prefix = "psi://";
    if (scope.length() <= prefix.length() || !scope.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return Optional.empty();
    }
    String rest = scope.substring(prefix.length());
    int end = firstOf(rest, "/?#");
    String authority = rest.substring(0, end);
    String psi = authority.substring(authority.lastIndexOf('@') + 1);
    if (psi.isEmpty()) {
      return Optional.empty();
    }
    int q = rest.indexOf('?');
    int hash = rest.indexOf('#');
    String query = q < 0 || (hash >= 0 && hash < q) ? "" : rest.substring(q + 1, hash > q ? hash : rest.length());
    List<String> self = new ArrayList<>();
    List<String> node = new ArrayList<>();
    for (String pair : query.split("&")) {
      // Go 1.17+ url.ParseQuery skips a pair holding ';'
      if (pair.isEmpty() || pair.contains(";")) {
        continue;
      }
      int eq = pair.indexOf('=');
      Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq));
      Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (name.isEmpty() || value.isEmpty()) {
        continue;
      }
      String account = value.get().toLowerCase(Locale.ROOT);
      switch (name.get()) {
        case "self.eoa" -> self.add(account);
        case "node.eoa" -> node.add(account);
        default -> { }
      }
    }
    return Optional.of(new PsiGrant(decode(psi).orElse(psi), self, node));
  }

  /** GoQuorum's {@code IsPSIAuthorized}: the PSI alone, compared case-insensitively. */
  public boolean grants(String askedPsi) {
    return psi.equalsIgnoreCase(askedPsi);
  }

  /**
   * GoQuorum's {@code match} for an ask of one node-managed account in {@code askedPsi}: the
   * grant's {@code node.eoa} list holds {@code 0x0} or the account.
   */
  public boolean coversNode(String askedPsi, String account) {
    return grants(askedPsi) && covers(nodeEoas, account);
  }

  /** As {@link #coversNode}, for a self-managed (client-signed) account and {@code self.eoa}. */
  public boolean coversSelf(String askedPsi, String account) {
    return grants(askedPsi) && covers(selfEoas, account);
  }

  /** {@code common.ContainsAll(granted, ["0x0"], [ask])}; the zero address asks as "0x0". */
  private static boolean covers(List<String> granted, String account) {
    String ask = account.toLowerCase(Locale.ROOT);
    if (ask.matches("0x0{40}")) {
      ask = ANY_ACCOUNT;
    }
    return granted.contains(ANY_ACCOUNT) || granted.contains(ask);
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static Optional<String> decode(String s) {
    try {
      return Optional.of(URLDecoder.decode(s, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
