package cn.hrss.assessment.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Serves zonky's PostgreSQL archive with {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}
 * replaced by wrapper scripts, so that the embedded PostgreSQL also runs where the tests run as root (this
 * machine and CI).
 *
 * <p>Why: initdb and postgres refuse to run as root ("initdb: cannot be run as root", a deliberate check in
 * PostgreSQL's sources); Docker (Testcontainers) is not available. zonky 2.2 handles root only where
 * unprivileged user namespaces work: as uid 0 it probes {@code unshare -U id -u} and then runs every binary
 * under {@code unshare -U}, where the process sees itself as the overflow user 65534 (that is what happens on
 * this machine; the wrappers then see a non-zero {@code id -u} and step aside). Where {@code unshare -U} is
 * refused (Docker's default seccomp profile, {@code user.max_user_namespaces=0}, hardened CI runners) zonky
 * runs the binaries as root and initdb fails: verified by putting a failing {@code unshare} first on the PATH
 * ({@link RootFallbackIT}). The wrappers cover that case and keep zonky's own code path (same binaries, same arguments:
 * {@code initdb -A trust -U postgres -D <dir> -E UTF-8 --locale=C}, {@code pg_ctl -D <dir> -o "…" -w start},
 * {@code pg_ctl -D <dir> stop -m fast -t 5 -w}) and only change the user:
 * <ul>
 *   <li>as a normal user a wrapper just {@code exec}s the real binary ({@code <name>.real} beside it);</li>
 *   <li>as root it makes the extracted {@code bin/} files executable for others (zonky extracts them with
 *       owner-only execute permission), gives the {@code -D} data directory to the unprivileged user 65534
 *       ({@code nobody}; mode 0700 as PostgreSQL demands) and {@code exec}s the real binary as that user with
 *       {@code setpriv --reuid=65534 --regid=65534 --clear-groups} (util-linux; {@code runuser} as fallback).
 *       pg_ctl then starts {@code bin/postgres} as nobody, and stops it as nobody, so signals reach it.</li>
 * </ul>
 * Requirements as root: the data directory's parents must be traversable by others ({@link TestDatabase}
 * puts it under {@code java.io.tmpdir}/embedded-pg, created 0755 by zonky) and the unix socket directory
 * ({@code /tmp}, the binaries' default) writable by nobody.
 *
 * <p>The repackaged archive is built once per machine and cached beside zonky's extraction directory
 * (re-compressing 57 MB takes a few seconds); zonky extracts it once per content digest as usual.
 */
final class RootlessPgBinaryResolver implements PgBinaryResolver {

  /** Bumped whenever the wrapper changes, so that a stale cached archive is never reused. */
  private static final String WRAPPER_VERSION = "2";
  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl", "bin/postgres");
  static final int UNPRIVILEGED_ID = 65534;

  private final Path cacheDirectory;

  RootlessPgBinaryResolver(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    if (original == null || !"Linux".equals(system)) {
      return original; // root-refusal workaround is for Linux (CI); elsewhere use zonky's archive unchanged
    }
    byte[] archive;
    try (original) {
      archive = original.readAllBytes();
    }
    Path cached = cacheDirectory.resolve("rootless-" + WRAPPER_VERSION + "-" + sha256(archive) + ".txz");
    if (!Files.isRegularFile(cached)) {
      Files.createDirectories(cacheDirectory);
      Path partial = Files.createTempFile(cacheDirectory, "rootless-", ".partial");
      try {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
          repackage(new ByteArrayInputStream(archive), out);
        }
        // Readable for all: root and normal users may share java.io.tmpdir/embedded-pg.
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        try {
          Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return new BufferedInputStream(Files.newInputStream(cached));
  }

  static void repackage(InputStream txz, OutputStream target) throws IOException {
    // Preset 0: fastest; the archive is only a local cache.
    try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)));
         TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(target, new LZMA2Options(0)))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (entry.isFile() && WRAPPED.contains(name)) {
          byte[] binary = in.readAllBytes();
          put(out, entry, entry.getName() + ".real", binary);
          put(out, entry, entry.getName(), wrapper().getBytes(StandardCharsets.UTF_8));
        } else {
          out.putArchiveEntry(entry);
          if (entry.isFile()) {
            in.transferTo(out);
          }
          out.closeArchiveEntry();
        }
      }
      out.finish();
    }
  }

  private static void put(TarArchiveOutputStream out, TarArchiveEntry original, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(0755);
    entry.setModTime(original.getModTime()); // same bytes on every machine: zonky names its directory by digest
    out.putArchiveEntry(entry);
    out.write(content);
    out.closeArchiveEntry();
  }

  /** POSIX sh; $0 is the absolute path zonky runs ({@code <pgDir>/bin/<name>}). */
  static String wrapper() {
    int id = UNPRIVILEGED_ID;
    return """
        #!/bin/sh
        # Generated by cn.hrss.assessment.support.RootlessPgBinaryResolver (tests only).
        # PostgreSQL refuses to run as root: as root, run the real binary as uid %1$d with the data
        # directory (-D) handed over to it; as anyone else, just run the real binary.
        real="$0.real"
        if [ "$(id -u)" != 0 ]; then
          exec "$real" "$@"
        fi
        bin=$(dirname "$0")
        # zonky extracts bin/ with owner-only execute permission; uid %1$d must run these too.
        chmod a+rx "$bin"/* 2>/dev/null
        data=
        previous=
        for argument in "$@"; do
          case "$previous" in
            -D|--pgdata) data=$argument ;;
          esac
          case "$argument" in
            -D?*) data=${argument#-D} ;;
            --pgdata=*) data=${argument#--pgdata=} ;;
          esac
          previous=$argument
        done
        if [ -n "$data" ]; then
          mkdir -p "$data" && chown %1$d:%1$d "$data" && chmod 0700 "$data" || exit 1
        fi
        if command -v setpriv >/dev/null 2>&1; then
          exec setpriv --reuid=%1$d --regid=%1$d --clear-groups "$real" "$@"
        fi
        if command -v runuser >/dev/null 2>&1 && user=$(id -nu %1$d 2>/dev/null); then
          exec runuser -u "$user" -- "$real" "$@"
        fi
        echo "$0: PostgreSQL cannot run as root and neither setpriv nor runuser (util-linux) is available" >&2
        exit 1
        """.formatted(id);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // Equality by cache directory: zonky caches the extracted binaries per resolver (a map keyed by it).
  @Override
  public boolean equals(Object other) {
    return other instanceof RootlessPgBinaryResolver that && cacheDirectory.equals(that.cacheDirectory);
  }

  @Override
  public int hashCode() {
    return cacheDirectory.hashCode();
  }
}
