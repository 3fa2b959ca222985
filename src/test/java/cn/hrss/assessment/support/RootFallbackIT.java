package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL starts where zonky cannot use {@code unshare -U} (CI containers): a child JVM whose
 * PATH starts with an {@code unshare} that always fails. As root the server then runs as uid 65534 through
 * the wrappers of {@link RootlessPgBinaryResolver}; as a normal user it runs as that user.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class RootFallbackIT {

  @TempDir
  Path directory;

  @Test
  void startsWithoutUserNamespaces() throws Exception {
    Path stubs = Files.createDirectories(directory.resolve("bin"));
    Path unshare = stubs.resolve("unshare");
    Files.writeString(unshare, "#!/bin/sh\necho 'unshare: Operation not permitted' >&2\nexit 1\n");
    unshare.toFile().setExecutable(true, false);
    stubs.toFile().setExecutable(true, false);
    directory.toFile().setExecutable(true, false);

    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        RootFallbackProbe.class.getName())
        .redirectErrorStream(true);
    builder.environment().put("PATH", stubs + File.pathSeparator + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    String expectedUid = isRoot() ? String.valueOf(RootlessPgBinaryResolver.UNPRIVILEGED_ID) : currentUid();
    assertThat(output).as(output).contains("PROBE server-uid=" + expectedUid + " data-owner=" + expectedUid);
  }

  private static boolean isRoot() throws Exception {
    return "0".equals(currentUid());
  }

  private static String currentUid() throws Exception {
    return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }
}
