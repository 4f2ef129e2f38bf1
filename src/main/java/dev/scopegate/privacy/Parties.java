package dev.scopegate.privacy;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The privacy-manager keys of this node's Tessera that are party to a private transaction or
 * contract (base64, as Tessera reports them). Empty means no local key is party: the node holds
 * no private state for it.
 */
public record Parties(Set<String> keys) {
  public static final Parties NONE = new Parties(Set.of());

  public Parties {
    keys = Set.copyOf(new TreeSet<>(keys));
  }

  public static Parties of(String... keys) {
    return new Parties(Set.of(keys));
  }

  public Parties union(Parties other) {
    Set<String> all = new TreeSet<>(keys);
    all.addAll(other.keys);
    return new Parties(all);
  }

  public boolean includesAny(Collection<String> tenantKeys) {
    for (String key : tenantKeys) { // per call of every tenant read: no stream
      if (keys.contains(key)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }
}
