package dev.scopegate.isolation.guard;

import dev.scopegate.isolation.GuardContext;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.privacy.StoredPayload;
import dev.scopegate.privacy.TesseraClient;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The payload a client-signed private transaction names, and the key that sent it: the {@code
 * senderKey} Tessera reports for the payload whose hash is the transaction's input. A client's {@code privateFrom} is a claim;
 * this is the fact the node will act on. A payload Tessera does not hold proves no sender and is
 * refused; a Tessera that cannot answer is a retriable failure.
 */
public final class PayloadSender {
  private final Optional<TesseraClient> tessera;

  public PayloadSender(GuardContext context) {
    this.tessera = context.tessera();
  }

  /** From the store {@code eth_sendRawTransaction}'s payloads are in (Tessera's {@code /send}). */
  public Future<StoredPayload> ofStored(byte[] payloadHash) {
    return client().compose(t -> t.payload(payloadHash)).transform(PayloadSender::sender);
  }

  /** From the raw store ({@code /storeraw}, {@code eth_sendRawPrivateTransaction}'s). */
  public Future<StoredPayload> ofRaw(byte[] payloadHash) {
    return client().compose(t -> t.rawPayload(payloadHash)).transform(PayloadSender::sender);
  }

  private Future<TesseraClient> client() {
    return tessera
        .map(Future::succeededFuture)
        .orElseGet(
            () ->
                Future.failedFuture(
                    RpcError.PRIVACY_UNAVAILABLE.withData("no privacy manager configured")));
  }

  private static Future<StoredPayload> sender(AsyncResult<Optional<StoredPayload>> found) {
    if (found.failed()) {
      return TransactionRules.unavailable(found.cause());
    }
    return found
        .result()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(RpcError.NOT_AUTHORIZED.exception()));
  }
}
