package dev.scopegate.devnode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a transaction private: the sending key ({@code privateFrom}), the recipients ({@code
 * privateFor}) and the privacy flag. {@code foreign} marks a transaction that another node signed
 * and distributed: this node only receives it, and its Tessera holds the payload only when one of
 * its keys is a recipient. {@code stored} names a payload already in Tessera (a raw private
 * transaction carries its hash), which the node does not store again.
 */
public record PrivacyRequest(
    String privateFrom,
    List<String> privateFor,
    int privacyFlag,
    boolean foreign,
    Optional<PayloadHash> stored) {
  static final Set<Integer> FLAGS = Set.of(0, 1, 3);

  public PrivacyRequest {
    privateFor = List.copyOf(privateFor);
    if (!FLAGS.contains(privacyFlag)) {
      throw new IllegalArgumentException("privacyFlag must be 0, 1 or 3, was " + privacyFlag);
    }
  }

  public PrivacyRequest(
      String privateFrom, List<String> privateFor, int privacyFlag, boolean foreign) {
    this(privateFrom, privateFor, privacyFlag, foreign, Optional.empty());
  }

  /** A transaction sent through this node. */
  public static PrivacyRequest local(String privateFrom, List<String> privateFor, int flag) {
    return new PrivacyRequest(privateFrom, privateFor, flag, false);
  }

  /** A transaction received from another node. */
  public static PrivacyRequest foreign(String senderKey, List<String> recipients) {
    return new PrivacyRequest(senderKey, recipients, 0, true);
  }

  /** The payload Tessera holds under {@code hash}, sent as {@code record} says. */
  static PrivacyRequest stored(PayloadHash hash, PayloadRecord record) {
    return new PrivacyRequest(
        record.senderKey(), record.recipients(), record.privacyFlag(), false, Optional.of(hash));
  }

  PayloadRecord record(byte[] payload) {
    return new PayloadRecord(payload, privateFrom, privateFor, privacyFlag);
  }
}
