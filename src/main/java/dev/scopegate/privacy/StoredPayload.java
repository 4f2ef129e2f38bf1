package dev.scopegate.privacy;

/**
 * A payload Tessera holds, as it reports it: the key that sent it ({@code senderKey}), this
 * Tessera's keys among its parties, and the payload itself (base64, as Tessera sends it; what the
 * node would execute, which Scopegate traces before forwarding and never logs). The sender is
 * Tessera's fact, never the client's claim.
 */
public record StoredPayload(String senderKey, Parties managedParties, String payloadBase64) {

  /** The payload as {@code 0x} hex, the call data the node will run. */
  public String payloadHex() {
    return "0x" + java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(payloadBase64));
  }
}
