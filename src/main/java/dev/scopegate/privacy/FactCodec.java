package dev.scopegate.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binary values for the index's records. Binary rather than JSON: no field names repeated in every
 * record (about half the bytes), and no reflective mapping of records whose accessors (such as
 * {@code Parties.isEmpty()}) a mapper would take for properties. A change of format bumps the
 * schema version, which rebuilds older stores.
 */
final class FactCodec {
  private FactCodec() {}

  static byte[] contract(ContractFact fact) {
    RecordWriter out = new RecordWriter().string(fact.address());
    parties(out, fact.parties());
    return out.number(fact.block()).string(fact.txHash()).string(fact.origin().name()).toBytes();
  }

  static ContractFact contract(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    String address = in.string();
    Parties parties = parties(in);
    long block = in.number();
    String txHash = in.string();
    ContractFact.Origin origin = origin(in);
    in.end();
    return new ContractFact(address, parties, block, txHash, origin);
  }

  static byte[] extender(ExtenderFact fact) {
    return new RecordWriter().string(fact.address()).string(fact.extended()).string(fact.recipientKey())
        .string(fact.creatorKey()).number(fact.block()).string(fact.txHash()).toBytes();
  }

  static ExtenderFact extender(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    ExtenderFact fact = new ExtenderFact(in.string(), in.string(), in.string(), in.string(), in.number(), in.string());
    in.end();
    return fact;
  }

  static byte[] transaction(TxFact fact) {
    RecordWriter out = new RecordWriter().string(fact.txHash()).string(fact.innerHash());
    parties(out, fact.parties());
    return out.number(fact.block()).toBytes();
  }

  static TxFact transaction(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    TxFact fact = new TxFact(in.string(), in.string(), parties(in), in.number());
    in.end();
    return fact;
  }

  static byte[] head(IndexedBlock head) {
    return new RecordWriter().number(head.number()).string(head.hash()).toBytes();
  }

  static IndexedBlock head(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    IndexedBlock head = new IndexedBlock(in.number(), in.string());
    in.end();
    return head;
  }

  /** A block's own record: its hash and its parent's (kept for tracing a reorganisation). */
  static byte[] block(String hash, String parentHash) {
    return new RecordWriter().string(hash).string(parentHash).toBytes();
  }

  static String blockHash(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    String hash = in.string();
    in.string();
    in.end();
    return hash;
  }

  private static void parties(RecordWriter out, Parties parties) {
    out.count(parties.keys().size());
    new TreeSet<>(parties.keys()).forEach(out::string); // sorted: one set, one encoding
  }

  private static Parties parties(RecordReader in) {
    int count = in.count();
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(in.string());
    }
    return new Parties(Set.copyOf(keys));
  }

  private static ContractFact.Origin origin(RecordReader in) {
    try {
      return ContractFact.Origin.valueOf(in.string());
    } catch (IllegalArgumentException e) {
      throw in.unreadable();
    }
  }
}
