package dev.scopegate.mode;

import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import dev.scopegate.upstream.PsiUpstreams;
import com.fasterxml.jackson.databind.node.IntNode;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the node's mode from a definite answer: {@code eth_getPSI} asked for a PSI that cannot
 * exist. GoQuorum (core/multiple_psm.go {@code ResolveForUserContext}) refuses an unknown PSI on an
 * MPS node: "unable to find private state for context psi X"; a one-state node
 * (core/default_psm.go) echoes whatever PSI the request named; a node before 21.4.2 has no such
 * method (-32601). Such a node is then asked GoQuorum's privacy methods: only a definite
 * "method not found" for both {@code eth_getContractPrivacyMetadata} and {@code eth_getQuorumPayload}
 * makes it a node without private state (geth, Besu, anvil) — both, so that a proxy in front of
 * GoQuorum filtering one method cannot pass it off as public. Only those answers decide: an
 * unreachable, slow or odd node leaves the mode unknown, never guessed.
 */
public final class ModeProbe {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int METHOD_NOT_FOUND = -32601;

  private final PsiUpstreams upstreams;

  public ModeProbe(PsiUpstreams upstreams) {
    this.upstreams = upstreams;
  }

  /**
   * The modes the answer allows (one, or {@code single} and {@code public} for a node without
   * eth_getPSI: GoQuorum before 21.4.2, or no GoQuorum at all — the public-mode probe tells those
   * apart), empty when it decides nothing; fails when the node cannot be asked.
   */
  public Future<Set<NodeMode>> detect() {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    String probe = "scopegate-probe-" + HexFormat.of().formatHex(nonce);
    RpcRequest ask = new RpcRequest(Optional.of(IntNode.valueOf(1)), "eth_getPSI",
        Optional.of(Json.MAPPER.createArrayNode()));
    return upstreams.at(probe).forward(List.of(ask))
        .map(answers -> decide(answers.get(0), probe))
        .compose(found -> found.contains(NodeMode.PUBLIC) ? privateStateOrNone(probe) : Future.succeededFuture(found));
  }

  /** GoQuorum before 21.4.2, or no GoQuorum at all: its privacy methods tell. */
  private Future<Set<NodeMode>> privateStateOrNone(String probe) {
    RpcRequest metadata = new RpcRequest(Optional.of(IntNode.valueOf(2)), "eth_getContractPrivacyMetadata",
        Optional.of(Json.MAPPER.createArrayNode().add("0x0000000000000000000000000000000000000000")));
    RpcRequest payload = new RpcRequest(Optional.of(IntNode.valueOf(3)), "eth_getQuorumPayload",
        Optional.of(Json.MAPPER.createArrayNode().add("0x" + "00".repeat(64))));
    return upstreams.at(probe).forward(List.of(metadata, payload))
        .map(answers -> answers.stream().allMatch(ModeProbe::methodNotFound)
            ? EnumSet.of(NodeMode.PUBLIC)
            : EnumSet.of(NodeMode.SINGLE));
  }

  private static boolean methodNotFound(Answer answer) {
    return answer.isError() && answer.error().path("code").asInt() == METHOD_NOT_FOUND;
  }

  static Set<NodeMode> decide(Answer answer, String probe) {
    if (!answer.isError()) {
      return answer.result() != null && answer.result().isTextual() && answer.result().asText().equals(probe)
          ? EnumSet.of(NodeMode.SINGLE)
          : EnumSet.noneOf(NodeMode.class);
    }
    if (answer.error().path("code").asInt() == METHOD_NOT_FOUND) {
      return EnumSet.of(NodeMode.SINGLE, NodeMode.PUBLIC);
    }
    // the resolver's wording was capitalised in early MPS builds
    String message = answer.error().path("message").asText("").toLowerCase(Locale.ROOT);
    return message.contains("unable to find private state") && message.contains(probe.toLowerCase(Locale.ROOT))
        ? EnumSet.of(NodeMode.MPS)
        : EnumSet.noneOf(NodeMode.class);
  }
}
