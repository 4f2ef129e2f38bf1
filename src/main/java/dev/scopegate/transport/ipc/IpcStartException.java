package dev.scopegate.transport.ipc;

import java.nio.file.Path;

/** The IPC endpoint is configured but cannot be served; the message says why and what to do. */
public final class IpcStartException extends RuntimeException {
  IpcStartException(Path path, String why) {
    super("ipc.path " + path + ": " + why);
  }

  IpcStartException(Path path, String why, Throwable cause) {
    super("ipc.path " + path + ": " + why, cause);
  }
}
