package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.FOREIGN_X;
import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.PayloadHash;
import dev.scopegate.devnode.PayloadRecord;
import dev.scopegate.devnode.TesseraStore;
import dev.scopegate.privacy.Parties;
import dev.scopegate.privacy.StoredPayload;
import dev.scopegate.privacy.TesseraClient;
import dev.scopegate.privacy.TesseraException;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tessera's own account of a stored payload: who sent it, and which of its keys are party. */
@ExtendWith(VertxExtension.class)
class StoredPayloadTest {
  private DevTessera tessera;
  private TesseraClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tessera =
        DevTessera.start(
                vertx, new TesseraStore(DevTessera.DEFAULT_KEYS), "127.0.0.1", Optional.empty())
            .await(10, TimeUnit.SECONDS);
    client = TesseraClient.create(vertx, tessera.url().toString(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    tessera.close().await(10, TimeUnit.SECONDS);
  }

  private PayloadHash store(String sender, String... recipients) {
    return tessera
        .store()
        .store(new PayloadRecord(new byte[] {1, 2, 3}, sender, List.of(recipients), 0));
  }

  @Test
  void reportsTheSenderAndTheManagedParties() throws Exception {
    PayloadHash hash = store(KB, KA, FOREIGN_X);
    Optional<StoredPayload> stored = client.payload(hash.bytes()).await(10, TimeUnit.SECONDS);
    assertEquals(
        Optional.of(new StoredPayload(KB, Parties.of(KA, KB), "AQID")), stored); // {1, 2, 3}
  }

  @Test
  void readsTheRawStoreTheSameWay() throws Exception {
    PayloadHash hash = store(KA);
    assertEquals(
        KA, client.rawPayload(hash.bytes()).await(10, TimeUnit.SECONDS).orElseThrow().senderKey());
  }

  @Test
  void aPayloadTesseraDoesNotHoldIsEmpty() throws Exception {
    byte[] unknown = new byte[64];
    assertEquals(Optional.empty(), client.payload(unknown).await(10, TimeUnit.SECONDS));
  }

  @Test
  void anUnavailableTesseraFails() {
    PayloadHash hash = store(KA);
    tessera.available(false);
    CompletionException failure =
        assertThrows(
            CompletionException.class,
            () -> client.payload(hash.bytes()).toCompletionStage().toCompletableFuture().join());
    assertInstanceOf(TesseraException.class, failure.getCause());
  }
}
