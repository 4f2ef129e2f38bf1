package dev.scopegate.isolation;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.RpcGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants for isolation tests: every rpc method, and private grants of the given keys. */
final class Tenants {
  static final String KEY_A = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
  static final String KEY_B = "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=";

  private Tenants() {}

  static Principal tenant(String tenantId, String... keys) {
    return principal("user-of-" + tenantId, Optional.of(tenantId), keys);
  }

  static Principal principal(String subject, Optional<String> tenantId, String... keys) {
    List<PrivateGrant> grants = keys.length == 0
        ? List.of()
        : List.of(new PrivateGrant("0x0", PrivateGrant.Action.ANY, "0x0", List.of(keys)));
    return Principal.tenant(
        subject, tenantId, List.of(RpcGrant.parse("rpc://").orElseThrow()), grants,
        Instant.now().plusSeconds(300));
  }
}
