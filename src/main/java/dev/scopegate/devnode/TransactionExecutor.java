package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Applies one transaction to the pending state: the checks of GoQuorum's transaction pool, in
 * its order, then the value transfer or the contract creation. There is no EVM: a creation
 * stores its input as the contract's code, and gas used is the intrinsic gas.
 */
final class TransactionExecutor {
  private final long chainId;
  private final List<Address> nodeAccounts;

  TransactionExecutor(long chainId, List<Address> nodeAccounts) {
    this.chainId = chainId;
    this.nodeAccounts = nodeAccounts;
  }

  record Outcome(Transaction transaction, Receipt receipt) {}

  Outcome execute(TransactionRequest request, PendingState state, long blockGasUsed) {
    if (!nodeAccounts.contains(request.from())) {
      throw NodeError.UNKNOWN_ACCOUNT.exception();
    }
    byte[] input = Hex.decodeData(request.input(), null);
    long intrinsic = intrinsicGas(input, request.to().isEmpty());
    long gas = request.gas().orElse(intrinsic);
    if (gas > Genesis.GAS_LIMIT - blockGasUsed) {
      throw NodeError.GAS_LIMIT_EXCEEDED.exception();
    }
    if (request.gasPrice().signum() != 0) {
      throw NodeError.GAS_PRICE_NOT_ZERO.exception();
    }
    AccountState sender = state.get(request.from());
    long nonce = request.nonce().orElse(sender.nonce());
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
    Transaction tx =
        Transaction.sign(
            chainId, nonce, request.from(), request.to(), request.value(), gas,
            request.gasPrice(), request.input());
    state.put(request.from(), sender.debit(request.value()).withNonce(nonce + 1));
    Optional<Address> created =
        request.to().isPresent()
            ? Optional.empty()
            : Optional.of(ContractAddress.of(request.from(), nonce));
    if (created.isPresent()) {
      // EIP-161: a new contract starts at nonce 1.
      state.put(created.get(), new AccountState(request.value(), 1, request.input()));
    } else {
      Address to = request.to().get();
      state.put(to, state.get(to).credit(request.value()));
    }
    Receipt receipt = new Receipt(tx.hash(), true, intrinsic, blockGasUsed + intrinsic, created);
    return new Outcome(tx, receipt);
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
