package dev.scopegate.auth;

import java.util.List;

/**
 * A {@code private://<self-eoa>/<action>/contracts?owned.eoa=<eoa>&from.tm=<key>} scope: which
 * privacy-manager keys a tenant owns and what it may do with them.
 */
public record PrivateGrant(String selfEoa, Action action, String ownedEoa, List<String> tmKeys) {

  public enum Action {
    READ,
    WRITE,
    CREATE,
    ANY
  }

  public PrivateGrant {
    tmKeys = List.copyOf(tmKeys);
  }
}
