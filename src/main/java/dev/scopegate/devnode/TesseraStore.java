package dev.scopegate.devnode;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.jcajce.provider.digest.Keccak.Digest512;

/**
 * The payloads one Tessera holds, shared by the node (which stores and reads them in process) and
 * {@link DevTessera} (which serves them). Tessera keeps a payload only when one of its keys is the
 * sender or a recipient; anything else it never received. Hashes are Keccak-512 of the payload and
 * a counter, so equal payloads get distinct, repeatable hashes.
 *
 * <p>A raw payload ({@code /storeraw}, for a transaction the client signs) is kept apart, as
 * Tessera keeps it: not found by {@link #find} until it is distributed to its recipients, then
 * found under the same hash.
 */
public final class TesseraStore {
  private final List<String> keys;
  private final Map<PayloadHash, PayloadRecord> records = new ConcurrentHashMap<>();
  private final Map<PayloadHash, PayloadRecord> raw = new ConcurrentHashMap<>();
  private final AtomicLong nonce = new AtomicLong();

  public TesseraStore(List<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a Tessera manages at least one key");
    }
    this.keys = List.copyOf(keys);
  }

  /** The managed keys, in configuration order; the first is the default {@code privateFrom}. */
  public List<String> keys() {
    return keys;
  }

  public boolean manages(String key) {
    return keys.contains(key);
  }

  /**
   * Hashes {@code record} and keeps it when a managed key is party to it. The hash is returned
   * either way: a payload from elsewhere that names none of our keys is what a node sees on chain
   * without Tessera holding it.
   */
  public PayloadHash store(PayloadRecord record) {
    PayloadHash hash = hash(record.payload());
    if (!managedParties(record).isEmpty()) {
      records.put(hash, record);
    }
    return hash;
  }

  public Optional<PayloadRecord> find(PayloadHash hash) {
    return Optional.ofNullable(records.get(hash));
  }

  /** Keeps {@code payload} from the managed key {@code from}, for no one yet. */
  public PayloadHash storeRaw(byte[] payload, String from) {
    if (!manages(from)) {
      throw new IllegalArgumentException("not a key of this Tessera: " + from);
    }
    PayloadHash hash = hash(payload);
    raw.put(hash, new PayloadRecord(payload, from, List.of(), 0));
    return hash;
  }

  /** A payload stored raw, distributed or not. */
  public Optional<PayloadRecord> findRaw(PayloadHash hash) {
    return find(hash).or(() -> Optional.ofNullable(raw.get(hash)));
  }

  /**
   * Sends the raw payload under {@code hash} to {@code recipients} ({@code /sendsignedtx}): from
   * now on it is found like any other. Empty when no raw payload has that hash.
   */
  public synchronized Optional<PayloadRecord> distribute(
      PayloadHash hash, List<String> recipients, int privacyFlag) {
    PayloadRecord stored = raw.get(hash);
    if (stored == null) {
      return Optional.empty();
    }
    PayloadRecord sent =
        new PayloadRecord(stored.payload(), stored.senderKey(), recipients, privacyFlag);
    records.put(hash, sent);
    return Optional.of(sent);
  }

  /** This Tessera's keys among the sender and recipients of {@code record}. */
  public Set<String> managedParties(PayloadRecord record) {
    Set<String> managed = new LinkedHashSet<>(record.parties());
    managed.retainAll(keys);
    return managed;
  }

  private PayloadHash hash(byte[] payload) {
    byte[] counter = ByteBuffer.allocate(Long.BYTES).putLong(nonce.incrementAndGet()).array();
    Digest512 digest = new Digest512();
    digest.update(payload);
    digest.update(counter);
    return new PayloadHash(digest.digest());
  }
}
