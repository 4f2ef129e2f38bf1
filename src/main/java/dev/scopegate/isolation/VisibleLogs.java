package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.privacy.ContractPrivacy;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The logs a tenant may see: those of public contracts and of private contracts one of its keys
 * is party to, in their original order. Asks about each distinct contract once, whatever the
 * number of its logs; a contract whose privacy cannot be established fails the whole answer.
 */
public final class VisibleLogs {
  private final PrivacyFacts facts;

  public VisibleLogs(PrivacyFacts facts) {
    this.facts = facts;
  }

  public Future<List<JsonNode>> of(Principal tenant, List<JsonNode> logs) {
    // the latest block an address logged in: the resolver waits for its index to reach it
    Map<String, Long> latestBlock = new LinkedHashMap<>();
    for (JsonNode log : logs) {
      latestBlock.merge(NodeData.address(log), NodeData.blockNumber(log), Math::max);
    }
    List<String> addresses = new ArrayList<>(latestBlock.keySet());
    List<Future<Boolean>> visible = addresses.stream()
        .map(address -> facts.contract(address, latestBlock.get(address)).map(p -> maySee(tenant, p)))
        .toList();
    return Future.all(visible).map(done -> {
      Set<String> shown = new HashSet<>();
      for (int i = 0; i < addresses.size(); i++) {
        if (visible.get(i).result()) {
          shown.add(addresses.get(i));
        }
      }
      return logs.stream().filter(log -> shown.contains(NodeData.address(log))).toList();
    });
  }

  /** Public, or private with the tenant allowed to read it (the one read rule, TenantKeys). */
  private static boolean maySee(Principal tenant, ContractPrivacy privacy) {
    return !(privacy instanceof ContractPrivacy.Private p) || TenantKeys.isParty(tenant, p.parties());
  }
}
