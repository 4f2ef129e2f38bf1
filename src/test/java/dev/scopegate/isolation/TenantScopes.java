package dev.scopegate.isolation;

/** Scope strings for test tenants, keys URL-encoded as tokens carry them. */
public final class TenantScopes {
  private TenantScopes() {}

  public static String encode(String key) {
    return key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  /** Every action, any account, with these keys. */
  public static String owner(String... keys) {
    return grant("0x0", "_", keys);
  }

  public static String grant(String account, String action, String... keys) {
    StringBuilder scope =
        new StringBuilder("private://" + account + "/" + action + "/contracts?owned.eoa=0x0");
    for (String key : keys) {
      scope.append("&from.tm=").append(encode(key));
    }
    return scope.toString();
  }
}
