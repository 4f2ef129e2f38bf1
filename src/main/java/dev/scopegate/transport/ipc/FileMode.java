package dev.scopegate.transport.ipc;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** {@code ipc.mode} ("0600", "0660", …) as the permissions Java sets. */
final class FileMode {
  private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values(); // owner r first

  private FileMode() {}

  static Set<PosixFilePermission> parse(Path path, String mode) {
    int bits = Integer.parseInt(mode, 8);
    if (bits > 0777) {
      throw new IpcStartException(path, "ipc.mode " + mode
          + ": setuid, setgid and sticky bits mean nothing on a socket; use 0000 to 0777");
    }
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BY_BIT.length; i++) {
      if ((bits & (0400 >> i)) != 0) {
        permissions.add(BY_BIT[i]);
      }
    }
    return permissions;
  }
}
