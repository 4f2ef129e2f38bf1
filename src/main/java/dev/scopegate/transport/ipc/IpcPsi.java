package dev.scopegate.transport.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcCall;
import java.util.List;
import java.util.Optional;

/**
 * The PSI an IPC message names in its id, as GoQuorum's IPC client sends it (rpc/security.go
 * {@code encodePSI}: the id {@code "<PSI>/<counter>"}) and its server reads it ({@code decodePSI}:
 * a string id, the text before its first {@code /}). A batch is served from the PSI of its first
 * call that names one: the node is asked over HTTP, one PSI per request.
 */
final class IpcPsi {
  private IpcPsi() {}

  static Optional<String> of(List<RpcCall> calls) {
    for (RpcCall call : calls) {
      Optional<String> psi = call.id().flatMap(IpcPsi::decode);
      if (psi.isPresent()) {
        return psi;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> decode(JsonNode id) {
    if (!id.isTextual()) {
      return Optional.empty();
    }
    int slash = id.textValue().indexOf('/');
    return slash > 0 ? Optional.of(id.textValue().substring(0, slash)) : Optional.empty();
  }
}
