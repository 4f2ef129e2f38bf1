package dev.scopegate.privacy;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own answer to {@code eth_getContractPrivacyMetadata} for an address that is not
 * private, learnt from the node — never typed here — so that a tenant asking about another's
 * private contract gets, byte for byte, what it would get for any public address. The node is
 * asked about {@link #PROBE}, an address no creation can produce, at start and after the node's
 * socket came back; the answer's address is located (lower-case, upper-case or EIP-55) and the
 * rest kept as the template. While no wording is known, the answer is the retriable error.
 */
public final class NotPrivateWording {
  private static final Logger LOG = LoggerFactory.getLogger(NotPrivateWording.class);
  static final String PROBE = "0xdeaddeaddeaddeaddeaddeaddeaddeaddeaddead";

  /** How the node writes an address in the message, and the text around it. */
  record Template(String before, Case form, String after) {
    String fill(String address) {
      String hex = address.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
      return form == Case.ABSENT ? before : before + form.write(hex) + after;
    }
  }

  enum Case {
    LOWER, UPPER, CHECKSUM, ABSENT;

    String write(String lowerHex) {
      return switch (this) {
        case LOWER -> lowerHex;
        case UPPER -> lowerHex.toUpperCase(Locale.ROOT);
        case CHECKSUM -> checksum(lowerHex);
        case ABSENT -> "";
      };
    }
  }

  private final NodeRpc node;
  private volatile Optional<Template> learnt = Optional.empty();

  NotPrivateWording(NodeRpc node) {
    this.node = node;
  }

  /** Asks the node again (at start, and after its socket came back). */
  public Future<Template> learn() {
    return node.ask("eth_getContractPrivacyMetadata", PROBE).compose(answer -> {
      Optional<Template> template = templateOf(answer);
      boolean noPrivateState = answer.isError() && answer.error().path("code").asInt() == -32601;
      if (template.isEmpty() && !noPrivateState) {
        LOG.warn("cannot learn the node's \"not a private contract\" wording from {}; tenants asking"
            + " about others' contracts get a retriable error", answer.isError() ? answer.error() : answer.result());
      }
      if (template.isEmpty()) {
        return Future.failedFuture(RpcError.PRIVACY_UNAVAILABLE.withData("the node's wording is not known"));
      }
      if (!template.equals(learnt)) {
        LOG.info("the node's answer for an address that is not private: {}", template.get().fill(PROBE));
      }
      learnt = template;
      return Future.succeededFuture(template.get());
    });
  }

  /** The error the node gives for {@code address} were it not private; retriable while unknown. */
  public Future<RpcException> forAddress(String address) {
    Future<Template> template = learnt.map(Future::succeededFuture).orElseGet(this::learn);
    return template
        .map(t -> RpcError.NOT_PRIVATE_CONTRACT.exception(t.fill(address)))
        .recover(e -> Future.failedFuture(e instanceof RpcException r ? r
            : RpcError.PRIVACY_UNAVAILABLE.withData("the node's wording is not known")));
  }

  /** Only an error with the code Scopegate's refusal carries can be repeated byte for byte. */
  static Optional<Template> templateOf(Answer answer) {
    if (!answer.isError() || answer.error().path("code").asInt() != RpcError.NOT_PRIVATE_CONTRACT.code()
        || answer.error().has("data") || !answer.error().path("message").isTextual()) {
      return Optional.empty();
    }
    String message = answer.error().get("message").asText();
    String probe = PROBE.substring(2);
    for (Case form : new Case[] {Case.LOWER, Case.UPPER, Case.CHECKSUM}) {
      int at = message.indexOf(form.write(probe));
      if (at >= 0) {
        return Optional.of(new Template(message.substring(0, at), form, message.substring(at + 40)));
      }
    }
    return message.toLowerCase(Locale.ROOT).contains(probe)
        ? Optional.empty()
        : Optional.of(new Template(message, Case.ABSENT, ""));
  }

  /** EIP-55: a letter is upper-case where the keccak of the lower-case hex has a nibble of 8 or more. */
  private static String checksum(String lowerHex) {
    String hash = HexFormat.of().formatHex(ChainFormat.keccak(lowerHex.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    StringBuilder out = new StringBuilder(lowerHex.length());
    for (int i = 0; i < lowerHex.length(); i++) {
      char c = lowerHex.charAt(i);
      out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}
