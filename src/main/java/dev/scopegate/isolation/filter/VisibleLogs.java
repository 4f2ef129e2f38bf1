package dev.scopegate.isolation.filter;

import dev.scopegate.isolation.Party;
import dev.scopegate.isolation.PrivacyFacts;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one rule deciding which logs a tenant sees — in {@code eth_getLogs}, polled filters,
 * receipts and {@code logs} subscriptions alike: what its own node would show. A log is visible
 * when its contract is public, or private with the tenant party to it <em>and</em> to the private
 * transaction that emitted it (another tenant's transaction may reach the tenant's contract; the
 * tenant's own node would never have executed it). Logs keep their order; each distinct contract
 * and each distinct transaction is asked about once. A fact that cannot be established fails the
 * whole answer (retriable), never shows a log.
 *
 * <p>A public contract's log needs no transaction check: GoQuorum runs a private transaction's
 * calls into public contracts read-only, so only public transactions log from public contracts
 * (ConsenSys/quorum {@code docs/design.md}, "Public/Private State": "If the virtual machine is in
 * read only mode and the code tries to make a state change the virtual machine stops execution").
 */
public final class VisibleLogs {
  private final PrivacyFacts facts;

  public VisibleLogs(PrivacyFacts facts) {
    this.facts = facts;
  }

  public Future<List<JsonNode>> of(Principal tenant, List<JsonNode> logs) {
    Map<String, OptionalLong> latestBlock = latestBlocks(logs);
    List<String> addresses = new ArrayList<>(latestBlock.keySet());
    List<Future<ContractPrivacy>> privacy = addresses.stream().map(a -> contract(a, latestBlock.get(a))).toList();
    return Future.all(privacy).compose(done -> {
      Map<String, ContractPrivacy> byAddress = new HashMap<>();
      for (int i = 0; i < addresses.size(); i++) {
        byAddress.put(addresses.get(i), privacy.get(i).result());
      }
      return emittersOf(tenant, logs, byAddress).map(emitters -> logs.stream()
          .filter(log -> maySee(tenant, byAddress.get(NodeData.address(log)), emitters, log))
          .toList());
    });
  }

  /**
   * The latest block each contract logged in, for the resolver to wait for its index to reach;
   * empty (decide at the head) when one of its logs is pending: a pending log has no block, and
   * deciding it at an old one would trust a "public" answer given before the contract existed.
   */
  private static Map<String, OptionalLong> latestBlocks(List<JsonNode> logs) {
    Map<String, OptionalLong> latest = new LinkedHashMap<>();
    for (JsonNode log : logs) {
      latest.merge(NodeData.address(log), NodeData.blockNumber(log), (a, b) ->
          a.isEmpty() || b.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong())));
    }
    return latest;
  }

  private Future<ContractPrivacy> contract(String address, OptionalLong block) {
    return block.isPresent() ? facts.contract(address, block.getAsLong()) : facts.contractAtHead(address);
  }

  /**
   * The parties of each transaction that emitted a log of a private contract the tenant is party
   * to (only those can still be hidden by it). Such a transaction must be a known private one:
   * anything else — not found, or public — is a fact Scopegate cannot vouch for, so it fails.
   */
  private Future<Map<String, Parties>> emittersOf(
      Principal tenant, List<JsonNode> logs, Map<String, ContractPrivacy> byAddress) {
    Set<String> hashes = new LinkedHashSet<>();
    for (JsonNode log : logs) {
      if (byAddress.get(NodeData.address(log)) instanceof ContractPrivacy.Private p
          && Party.READER.is(tenant, p.parties())) {
        hashes.add(NodeData.transactionHash(log));
      }
    }
    List<String> asked = new ArrayList<>(hashes);
    List<Future<Parties>> parties = asked.stream().map(this::privateParties).toList();
    return Future.all(parties).map(done -> {
      Map<String, Parties> emitters = new HashMap<>();
      for (int i = 0; i < asked.size(); i++) {
        emitters.put(asked.get(i), parties.get(i).result());
      }
      return emitters;
    });
  }

  private Future<Parties> privateParties(String hash) {
    return facts.transaction(hash).compose((Optional<Parties> parties) -> parties
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(
            RpcError.PRIVACY_UNAVAILABLE.withData("transaction of a private log not known: " + hash))));
  }

  private static boolean maySee(Principal tenant, ContractPrivacy privacy, Map<String, Parties> emitters, JsonNode log) {
    if (!(privacy instanceof ContractPrivacy.Private p)) {
      return true;
    }
    return Party.READER.is(tenant, p.parties()) && Party.READER.is(tenant, emitters.get(NodeData.transactionHash(log)));
  }
}
