package dev.scopegate.devnode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A payload as Tessera keeps it: the plain bytes, the sender's key, the recipients' keys and the
 * privacy flag (0 standard, 1 party protection, 3 private state validation).
 */
public record PayloadRecord(
    byte[] payload, String senderKey, List<String> recipients, int privacyFlag) {
  public PayloadRecord {
    payload = payload.clone();
    recipients = List.copyOf(recipients);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The sender and every recipient, sender first, each once. */
  public Set<String> parties() {
    Set<String> parties = new LinkedHashSet<>();
    parties.add(senderKey);
    parties.addAll(recipients);
    return parties;
  }
}
