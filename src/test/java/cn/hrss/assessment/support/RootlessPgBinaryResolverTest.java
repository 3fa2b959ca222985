package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** The wrapper scripts that let the embedded PostgreSQL run when the tests run as root. */
class RootlessPgBinaryResolverTest {

  @TempDir
  Path directory;

  @Test
  void repackagingWrapsTheThreeServerBinariesAndKeepsEverythingElse() throws Exception {
    byte[] archive = txz(Map.of("bin/initdb", "INITDB", "bin/pg_ctl", "PG_CTL", "bin/postgres", "POSTGRES",
        "bin/psql", "PSQL", "share/postgresql/postgres.bki", "BKI"));
    ByteArrayOutputStream repackaged = new ByteArrayOutputStream();

    RootlessPgBinaryResolver.repackage(new ByteArrayInputStream(archive), repackaged);

    Map<String, String> entries = read(repackaged.toByteArray());
    assertThat(entries).containsEntry("bin/initdb.real", "INITDB").containsEntry("bin/pg_ctl.real", "PG_CTL")
        .containsEntry("bin/postgres.real", "POSTGRES").containsEntry("bin/psql", "PSQL")
        .containsEntry("share/postgresql/postgres.bki", "BKI").doesNotContainKey("bin/psql.real");
    assertThat(entries.get("bin/initdb")).startsWith("#!/bin/sh").contains("setpriv --reuid=65534");
  }

  /** As root: the data directory goes to uid 65534 and the real binary runs as 65534; else it runs as is. */
  @Test
  void wrapperRunsTheRealBinaryAsAnUnprivilegedUserOnlyWhenRoot() throws Exception {
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path wrapper = bin.resolve("initdb");
    Files.writeString(wrapper, RootlessPgBinaryResolver.wrapper());
    Files.writeString(bin.resolve("initdb.real"), "#!/bin/sh\necho \"$(id -u) $*\"\n");
    // As zonky extracts bin/: executable for the owner only.
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr--r--"));
    Files.setPosixFilePermissions(bin.resolve("initdb.real"), PosixFilePermissions.fromString("rwxr--r--"));
    Path data = directory.resolve("data");

    String output = run(wrapper.toString(), "-A", "trust", "-D", data.toString(), "-E", "UTF-8");

    boolean root = "0".equals(run("id", "-u").trim());
    String expectedUser = root ? "65534" : run("id", "-u").trim();
    assertThat(output.trim()).isEqualTo(expectedUser + " -A trust -D " + data + " -E UTF-8");
    if (root) {
      assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(65534);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static byte[] txz(Map<String, String> files) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
      List<String> names = new ArrayList<>(files.keySet());
      names.sort(null);
      for (String name : names) {
        byte[] content = files.get(name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, String> read(byte[] txz) throws Exception {
    Map<String, String> entries = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(txz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
