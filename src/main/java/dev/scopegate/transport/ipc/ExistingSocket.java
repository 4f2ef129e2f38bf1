package dev.scopegate.transport.ipc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What may already be at {@code ipc.path}: nothing; a stale socket file left by a crashed run,
 * which is removed; a live socket that another process serves, or a file that is no socket,
 * which stop startup rather than be taken over. Blocking.
 */
final class ExistingSocket {
  private static final int TYPE_MASK = 0170000;
  private static final int SOCKET = 0140000;

  private ExistingSocket() {}

  static void clear(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isSocket(path)) {
      throw new IpcStartException(path, "a file that is not a socket is in the way; remove it"
          + " or choose another path");
    }
    if (isLive(path)) {
      throw new IpcStartException(path, "another process is listening on this socket (a second"
          + " Scopegate, or a node?); stop it or choose another path");
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new IpcStartException(path, "cannot remove the stale socket file: " + e, e);
    }
  }

  private static boolean isSocket(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & TYPE_MASK) == SOCKET;
    } catch (IOException | UnsupportedOperationException e) {
      throw new IpcStartException(path, "cannot tell what the existing file is: " + e, e);
    }
  }

  /** Connection refused means nobody listens: the file outlived its process. */
  private static boolean isLive(Path path) {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(path));
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (IOException e) {
      throw new IpcStartException(path, "cannot tell whether the existing socket is in use: " + e, e);
    }
  }
}
