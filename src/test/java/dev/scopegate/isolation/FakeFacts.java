package dev.scopegate.isolation;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Privacy facts declared by a test. Like the resolver, an address it was not told about has
 * unknown parties (a retriable failure, never "public"); a transaction not declared is public.
 * Counts the questions asked.
 */
final class FakeFacts implements PrivacyFacts {
  private final Map<String, ContractPrivacy> contracts = new HashMap<>();
  private final Map<String, Parties> privateTransactions = new HashMap<>();
  private final Map<String, Boolean> unknownTransactions = new HashMap<>();
  final Map<String, Integer> contractLookups = new HashMap<>();
  final Map<String, Long> blockAsked = new HashMap<>();
  int transactionLookups;
  static final long AT_HEAD = -1;

  FakeFacts publicContract(String address) {
    contracts.put(address.toLowerCase(Locale.ROOT), ContractPrivacy.PUBLIC);
    return this;
  }

  FakeFacts privateContract(String address, String... keys) {
    contracts.put(address.toLowerCase(Locale.ROOT), new ContractPrivacy.Private(Parties.of(keys)));
    return this;
  }

  FakeFacts privateTransaction(String hash, String... keys) {
    privateTransactions.put(hash, Parties.of(keys));
    return this;
  }

  FakeFacts unknownTransaction(String hash) {
    unknownTransactions.put(hash, true);
    return this;
  }

  @Override
  public Future<ContractPrivacy> contract(String address, long block) {
    contractLookups.merge(address, 1, Integer::sum);
    blockAsked.put(address, block);
    ContractPrivacy known = contracts.get(address);
    return known != null
        ? Future.succeededFuture(known)
        : Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("parties of " + address + " not known"));
  }

  /** Recorded as block -1 in {@link #blockAsked}: asked at the head. */
  @Override
  public Future<ContractPrivacy> contractAtHead(String address) {
    return contract(address, AT_HEAD);
  }

  @Override
  public Future<Optional<Parties>> transaction(String hash) {
    transactionLookups++;
    if (unknownTransactions.containsKey(hash)) {
      return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.exception());
    }
    return Future.succeededFuture(Optional.ofNullable(privateTransactions.get(hash)));
  }
}
