package dev.scopegate.transport.ipc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Where the socket is bound before it is published. Java cannot set a umask for one call, so a
 * socket bound at {@code ipc.path} directly would be reachable with the process's umask until
 * its mode is set. Bound inside a fresh owner-only directory beside the target instead, it is
 * reachable by nobody else until its mode is set and a rename puts it in place. Blocking.
 */
final class StagedSocket {
  /** sun_path holds 108 bytes, the last one NUL. */
  static final int MAX_PATH_BYTES = 107;

  /** Java binds one byte less than the kernel allows; only the staged path is bound by Java. */
  static final int MAX_BIND_PATH_BYTES = 106;

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path dir;
  private final Path socket;

  private StagedSocket(Path target, Path dir) {
    this.target = target;
    this.dir = dir;
    this.socket = dir.resolve("s");
  }

  /** A fresh owner-only directory beside {@code target}, to bind in. */
  static StagedSocket create(Path target) {
    requireFits(target, target, "the path", MAX_PATH_BYTES);
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IpcStartException(target, "its directory " + parent + " does not exist");
    }
    StagedSocket staged = new StagedSocket(target, freshDirectory(target, parent));
    try {
      requireFits(target, staged.socket, "its directory leaves no room to stage the socket:",
          MAX_BIND_PATH_BYTES);
    } catch (IpcStartException tooLong) {
      staged.discard();
      throw tooLong;
    }
    return staged;
  }

  Path target() {
    return target;
  }

  String bindPath() {
    return socket.toString();
  }

  /** Sets the mode, then moves the socket into place in one rename. */
  PublishedSocket publish(Set<PosixFilePermission> mode) {
    try {
      Files.setPosixFilePermissions(socket, mode);
      Files.move(socket, target, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(dir);
      Object fileKey = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return new PublishedSocket(target, fileKey);
    } catch (IOException | UnsupportedOperationException e) {
      throw new IpcStartException(target, "cannot put the socket in place: " + e, e);
    }
  }

  /** Removes what a start that failed half-way left behind. */
  void discard() {
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // Only an empty directory with a random name can remain; it grants nothing.
    }
  }

  private static Path freshDirectory(Path target, Path parent) {
    for (int attempt = 0; ; attempt++) {
      Path dir = parent.resolve(".sg-" + randomName());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(dir, OWNER_ONLY); // the umask may have taken owner bits
        return dir;
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 10) {
          throw new IpcStartException(target, "cannot make a fresh directory beside it", taken);
        }
      } catch (IOException | UnsupportedOperationException e) {
        throw new IpcStartException(target, "cannot make a directory beside it to stage the socket: " + e, e);
      }
    }
  }

  private static String randomName() {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }

  private static void requireFits(Path target, Path path, String what, int max) {
    int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw new IpcStartException(target, what + " " + path + " is " + bytes
          + " bytes long; Unix sockets allow at most " + max + "; choose a shorter path");
    }
  }
}
