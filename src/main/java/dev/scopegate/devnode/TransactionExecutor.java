package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one transaction to the pending states: the checks of GoQuorum's transaction pool, in its
 * order, then the public effects and, for a private transaction, the private ones. A private
 * payload goes to Tessera first and the chain carries its hash, as GoQuorum signs it; with privacy
 * markers the chain carries a marker to the privacy precompile instead, whose Tessera payload is
 * the internal private transaction. Contracts behave as {@link Behaviours} says; gas used is the
 * intrinsic gas.
 */
final class TransactionExecutor {
  static final Address PRIVACY_PRECOMPILE =
      Address.of("0x000000000000000000000000000000000000007a");

  private final long chainId;
  private final List<Address> nodeAccounts;
  private final TesseraStore tessera;
  private final boolean privacyMarkers;
  private final PrivateExecutor privateExecutor;

  TransactionExecutor(
      long chainId, List<Address> nodeAccounts, TesseraStore tessera, boolean privacyMarkers) {
    this.chainId = chainId;
    this.nodeAccounts = nodeAccounts;
    this.tessera = tessera;
    this.privacyMarkers = privacyMarkers;
    this.privateExecutor = new PrivateExecutor(tessera);
  }

  /** {@code local}: what each private state knows of the transaction, by PSI. */
  record Outcome(Transaction transaction, Receipt receipt, Map<String, LocalResult> local) {}

  Outcome execute(
      TransactionRequest request,
      PendingState state,
      PrivateStates.Pending privateState,
      long blockGasUsed) {
    boolean foreign = request.privacy().map(PrivacyRequest::foreign).orElse(false);
    boolean signed = request.signed().isPresent();
    if (!foreign && !signed && !nodeAccounts.contains(request.from())) {
      throw NodeError.UNKNOWN_ACCOUNT.exception();
    }
    request.privacy().ifPresent(privacy -> checkPrivacy(request, privacy));
    AccountState sender = state.get(request.from());
    long nonce = request.nonce().orElse(sender.nonce());
    Optional<PayloadHash> payloadHash =
        request.privacy().map(p -> p.stored().orElseGet(() -> store(p, request.input())));
    // A client-signed transaction cannot be wrapped in a marker the node would have to sign.
    Optional<Transaction> inner =
        privacyMarkers && !signed
            ? payloadHash.map(hash -> innerTransaction(request, nonce, hash))
            : Optional.empty();
    Optional<PayloadHash> markerHash =
        inner.map(tx -> tessera.store(request.privacy().get().record(WireFormat.signed(tx))));
    Optional<Address> to = inner.isPresent() ? Optional.of(PRIVACY_PRECOMPILE) : request.to();
    String input = markerHash.or(() -> payloadHash).map(PayloadHash::hex).orElse(request.input());
    long intrinsic = intrinsicGas(Hex.decodeData(input, null), to.isEmpty());
    long gas = request.gas().orElse(intrinsic);
    checkPool(request, sender, nonce, gas, intrinsic, blockGasUsed);
    Transaction tx =
        request
            .signed()
            .map(client -> client.toTransaction(request.from()))
            .orElseGet(
                () ->
                    Transaction.sign(
                        chainId,
                        nonce,
                        request.from(),
                        to,
                        request.value(),
                        gas,
                        request.gasPrice(),
                        input,
                        payloadHash.isPresent() && inner.isEmpty()));
    state.put(request.from(), sender.debit(request.value()).withNonce(nonce + 1));
    long cumulative = blockGasUsed + intrinsic;
    if (payloadHash.isEmpty()) {
      return publicOutcome(tx, state, privateState, intrinsic, cumulative);
    }
    if (inner.isPresent()) {
      return markerOutcome(
          tx,
          inner.get(),
          payloadHash.get(),
          markerHash.get(),
          privateState,
          intrinsic,
          cumulative);
    }
    Map<String, PrivateExecutor.Result> results = privateState.each((inPsi, party) ->
        privateExecutor.execute(tx, payloadHash.get(), inPsi, party, tx.hash(), intrinsic, cumulative));
    Optional<Address> created = tx.isCreation() ? Optional.of(ContractAddress.of(tx.from(), tx.nonce())) : Optional.empty();
    Receipt onChain = new Receipt(tx.hash(), true, intrinsic, cumulative, created, List.of());
    Map<String, LocalResult> local = new java.util.LinkedHashMap<>();
    results.forEach((psi, result) -> local.put(psi,
        new LocalResult(Optional.of(result.receipt()), result.trace(), false, Optional.empty(), result.prestate())));
    return new Outcome(tx, onChain, local);
  }

  private Outcome publicOutcome(
      Transaction tx, PendingState state, PrivateStates.Pending privates, long intrinsic, long cumulative) {
    Optional<Address> created =
        tx.isCreation() ? Optional.of(ContractAddress.of(tx.from(), tx.nonce())) : Optional.empty();
    RecordingStore recording = new RecordingStore(state);
    Behaviours.Effect effect;
    if (created.isPresent()) {
      effect =
          Behaviours.create(
              recording, tx.from(), created.get(), tx.input(), tx.value(), tx.gas(), intrinsic);
    } else {
      Address to = tx.to().get();
      recording.put(to, recording.get(to).credit(tx.value()));
      effect =
          Behaviours.call(recording, tx.from(), to, tx.input(), tx.value(), tx.gas(), intrinsic);
    }
    Receipt receipt = new Receipt(tx.hash(), true, intrinsic, cumulative, created, effect.logs());
    LocalResult local = LocalResult.publicTx(effect.frame(), recording.snapshot(effect));
    return new Outcome(tx, receipt, privates.each((inPsi, party) -> local));
  }

  /** The marker's own receipt is public and empty; the internal transaction's is private. */
  private Outcome markerOutcome(
      Transaction marker,
      Transaction inner,
      PayloadHash payloadHash,
      PayloadHash markerHash,
      PrivateStates.Pending privateState,
      long intrinsic,
      long cumulative) {
    Receipt onChain =
        new Receipt(marker.hash(), true, intrinsic, cumulative, Optional.empty(), List.of());
    CallFrame frame = PrivateExecutor.plainFrame(marker, Optional.empty(), intrinsic);
    Optional<PayloadRecord> markerRecord = tessera.find(markerHash);
    return new Outcome(marker, onChain, privateState.each((inPsi, party) -> {
      if (markerRecord.filter(party).isEmpty()) {
        return new LocalResult(Optional.empty(), frame, true, Optional.empty());
      }
      PrivateExecutor.Result result =
          privateExecutor.execute(inner, payloadHash, inPsi, party, marker.hash(), 0, 0);
      return new LocalResult(
          Optional.of(result.receipt()),
          frame.withCalls(List.of(result.trace())),
          true,
          Optional.of(inner),
          result.prestate());
    }));
  }

  private Transaction innerTransaction(TransactionRequest request, long nonce, PayloadHash hash) {
    long gas = request.gas().orElse(intrinsicGas(hash.bytes(), request.to().isEmpty()));
    return Transaction.sign(
        chainId,
        nonce,
        request.from(),
        request.to(),
        BigInteger.ZERO,
        gas,
        BigInteger.ZERO,
        hash.hex(),
        true);
  }

  private PayloadHash store(PrivacyRequest privacy, String input) {
    return tessera.store(privacy.record(Hex.decodeData(input, null)));
  }

  private void checkPrivacy(TransactionRequest request, PrivacyRequest privacy) {
    boolean sentHere = !privacy.foreign() && privacy.stored().isEmpty();
    if (sentHere && !tessera.manages(privacy.privateFrom())) {
      throw NodeError.PRIVATE_FROM_UNKNOWN.exception(privacy.privateFrom());
    }
    if (request.value().signum() != 0) {
      throw NodeError.PRIVATE_VALUE.exception();
    }
  }

  private static void checkPool(
      TransactionRequest request,
      AccountState sender,
      long nonce,
      long gas,
      long intrinsic,
      long blockGasUsed) {
    if (gas > Genesis.GAS_LIMIT - blockGasUsed) {
      throw NodeError.GAS_LIMIT_EXCEEDED.exception();
    }
    if (request.gasPrice().signum() != 0) {
      throw NodeError.GAS_PRICE_NOT_ZERO.exception();
    }
    if (nonce < sender.nonce()) {
      throw NodeError.NONCE_TOO_LOW.exception();
    }
    if (nonce > sender.nonce()) {
      throw NodeError.NONCE_TOO_HIGH.exception(); // geth would queue it; instamine cannot
    }
    if (sender.balance().compareTo(request.value()) < 0) {
      throw NodeError.INSUFFICIENT_FUNDS.exception();
    }
    if (gas < intrinsic) {
      throw NodeError.INTRINSIC_GAS_TOO_LOW.exception();
    }
  }

  /** Istanbul's intrinsic gas (EIP-2028 calldata prices). */
  static long intrinsicGas(byte[] input, boolean creation) {
    long gas = creation ? 53_000 : 21_000;
    for (byte b : input) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }
}
