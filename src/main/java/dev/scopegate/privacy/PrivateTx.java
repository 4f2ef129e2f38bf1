package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A private transaction found in a block, directly or inside a privacy marker, with its position
 * (to find its trace) and, once Tessera has answered, its parties.
 */
record PrivateTx(
    int index, JsonNode raw, boolean isMarker, String innerHash, byte[] payloadHash, Parties parties) {

  static PrivateTx direct(int index, JsonNode tx) {
    return new PrivateTx(index, tx, false, null, null, null);
  }

  static PrivateTx marker(int index, JsonNode tx) {
    return new PrivateTx(index, tx, true, null, null, null);
  }

  String hash() {
    return ChainFormat.lower(raw.path("hash"));
  }

  /** {@code payload}: the private transaction's payload hash (null when there is none). */
  PrivateTx withParties(String inner, byte[] payload, Parties found) {
    return new PrivateTx(index, raw, isMarker, inner, payload, found);
  }
}
