package dev.scopegate.isolation;

import dev.scopegate.codec.Rlp;
import dev.scopegate.codec.SignedTransaction;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scopegate.jsonrpc.RpcException;
import java.util.HexFormat;

/**
 * The RLP and signed-transaction decoders over any bytes: a decoded item or
 * {@code MalformedException}; a transaction or an invalid-params error; nothing else escapes
 * (no index or arithmetic exception, no hang on a lying length).
 */
class SignedTransactionFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void rlpDecodesOrRefuses(byte[] input) {
    try {
      Rlp.decode(input);
    } catch (Rlp.MalformedException expected) {
      // refused
    }
  }

  @FuzzTest(maxDuration = "30s")
  void transactionsDecodeOrRefuse(byte[] input) {
    try {
      SignedTransaction.decode("0x" + HexFormat.of().formatHex(input));
    } catch (RpcException expected) {
      // invalid params
    }
  }
}
