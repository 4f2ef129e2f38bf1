package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;
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

  record Outcome(Transaction transaction, Receipt receipt, LocalResult local) {}

  Outcome execute(
      TransactionRequest request,
      PendingState state,
      PrivateState.Pending privateState,
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
      return publicOutcome(tx, state, intrinsic, cumulative);
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
    PrivateExecutor.Result result =
        privateExecutor.execute(
            tx, payloadHash.get(), privateState, tx.hash(), intrinsic, cumulative);
    Receipt onChain =
        new Receipt(
            tx.hash(), true, intrinsic, cumulative, result.receipt().contractAddress(), List.of());
    return new Outcome(
        tx,
        onChain,
        new LocalResult(
            Optional.of(result.receipt()), result.trace(), false, Optional.empty(), result.prestate()));
  }

  private Outcome publicOutcome(
      Transaction tx, PendingState state, long intrinsic, long cumulative) {
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
    return new Outcome(tx, receipt, LocalResult.publicTx(effect.frame(), recording.snapshot(effect)));
  }

  /** The marker's own receipt is public and empty; the internal transaction's is private. */
  private Outcome markerOutcome(
      Transaction marker,
      Transaction inner,
      PayloadHash payloadHash,
      PayloadHash markerHash,
      PrivateState.Pending privateState,
      long intrinsic,
      long cumulative) {
    Receipt onChain =
        new Receipt(marker.hash(), true, intrinsic, cumulative, Optional.empty(), List.of());
    CallFrame frame = PrivateExecutor.plainFrame(marker, Optional.empty(), intrinsic);
    if (tessera.find(markerHash).isEmpty()) {
      return new Outcome(
          marker, onChain, new LocalResult(Optional.empty(), frame, true, Optional.empty()));
    }
    PrivateExecutor.Result result =
        privateExecutor.execute(inner, payloadHash, privateState, marker.hash(), 0, 0);
    LocalResult local =
        new LocalResult(
            Optional.of(result.receipt()),
            frame.withCalls(List.of(result.trace())),
            true,
            Optional.of(inner),
            result.prestate());
    return new Outcome(marker, onChain, local);
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
