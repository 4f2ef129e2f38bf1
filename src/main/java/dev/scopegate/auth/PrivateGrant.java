package dev.scopegate.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code private://<self-eoa>/<action>/contracts?owned.eoa=<eoa>&from.tm=<key>} scope: which
 * privacy-manager keys a tenant owns and what it may do with them. Accounts are lower-case {@code
 * 0x}-prefixed addresses or {@code 0x0} (any account); keys are standard base64.
 */
public record PrivateGrant(String selfEoa, Action action, String ownedEoa, List<String> tmKeys) {

  /** Any account, in {@code selfEoa} and {@code ownedEoa}. */
  public static final String ANY_ACCOUNT = "0x0";

  public enum Action {
    READ,
    WRITE,
    CREATE,
    ANY;

    /** {@code read}, {@code write}, {@code create} or {@code _} (any action). */
    static Optional<Action> of(String raw) {
      return switch (raw.toLowerCase(Locale.ROOT)) {
        case "read" -> Optional.of(READ);
        case "write" -> Optional.of(WRITE);
        case "create" -> Optional.of(CREATE);
        case "_" -> Optional.of(ANY);
        default -> Optional.empty();
      };
    }

    /** Whether a grant of this action allows {@code wanted}. */
    public boolean allows(Action wanted) {
      return this == ANY || this == wanted;
    }
  }

  public PrivateGrant {
    tmKeys = List.copyOf(tmKeys);
  }

  /**
   * Parses one scope; empty when it is not a private scope or is malformed (a malformed private
   * scope is logged, naming the problem).
   */
  public static Optional<PrivateGrant> parse(String scope) {
    return PrivateScopeParser.parse(scope);
  }

  /** Whether {@code account} (lower-case) is one this grant's {@code selfEoa} covers. */
  public boolean coversSelf(String account) {
    return selfEoa.equals(ANY_ACCOUNT) || selfEoa.equals(account);
  }
}
