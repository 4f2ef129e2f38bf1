package dev.scopegate.devnode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The dev node's encoding of a record for hashing: every field length-prefixed, in a fixed
 * order. It is not RLP, so hashes are deterministic and distinct within the dev node but are
 * not the hashes a real chain would compute for the same content.
 */
final class Canonical {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Canonical add(byte[] field) {
    int length = field.length;
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.writeBytes(field);
    return this;
  }

  Canonical add(long value) {
    return add(BigInteger.valueOf(value));
  }

  Canonical add(BigInteger value) {
    return add(value.toByteArray());
  }

  Canonical add(Address address) {
    return add(address.bytes());
  }

  Canonical add(Optional<Address> address) {
    return add(address.map(Address::bytes).orElse(new byte[0]));
  }

  Canonical add(Hash hash) {
    return add(hash.bytes());
  }

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  Hash hash() {
    return Hash.keccak(out.toByteArray());
  }
}
