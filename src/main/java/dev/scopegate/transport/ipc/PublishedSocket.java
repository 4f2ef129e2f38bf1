package dev.scopegate.transport.ipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket file at {@code ipc.path}, and the identity (device, inode) it had when put there:
 * on stop it is removed only while it is still ours, never a successor's. Blocking.
 */
record PublishedSocket(Path path, Object fileKey) {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedSocket.class);

  void remove() {
    try {
      Object now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      if (fileKey != null && !Objects.equals(fileKey, now)) {
        LOG.warn("ipc socket {} was replaced by another; left in place", path);
        return;
      }
      Files.delete(path);
    } catch (NoSuchFileException gone) {
      // removed by someone else already
    } catch (IOException e) {
      LOG.warn("cannot remove ipc socket {}: {}", path, e.toString());
    }
  }
}
