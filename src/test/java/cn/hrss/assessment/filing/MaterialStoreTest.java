package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

class MaterialStoreTest {

  static final byte[] PDF = "%PDF-1.7\n%test\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  MaterialStore store(long maxBytes) {
    return new MaterialStore(new FilingProperties(dir, DataSize.ofBytes(maxBytes), 5, 3, 3, true));
  }

  @Test
  void storesFilesUnderAGeneratedNameWithTheirSha256() throws Exception {
    MaterialStore store = store(1024);
    List<MaterialStore.Checked> checked = store.check(List.of(new MockMultipartFile("files", "../../etc/备案申请表.pdf",
        "text/plain", PDF)), true);
    List<MaterialStore.Stored> stored = store.store("BA2026000001", checked);
    assertThat(stored).singleElement().satisfies(s -> {
      assertThat(s.fileName()).isEqualTo("备案申请表.pdf");
      assertThat(s.storedName()).matches("[0-9a-f-]{36}\\.pdf");
      assertThat(s.contentType()).isEqualTo("application/pdf");
      assertThat(s.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(PDF)));
    });
    Path file = store.open("BA2026000001", stored.get(0).storedName()).orElseThrow();
    assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
    assertThat(file.startsWith(dir.toAbsolutePath())).isTrue();
    assertThat(store.open("BA2026000001", "../../etc/passwd")).isEmpty();
  }

  @Test
  void refusesContentThatIsNotWhatTheExtensionClaims() {
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> store(1024).check(
        List.of(new MockMultipartFile("files", "scan.pdf", "application/pdf", "<html>".getBytes())), true));
    assertThat(problem.status().value()).isEqualTo(400);
    ApiProblem exe = catchThrowableOfType(ApiProblem.class, () -> store(1024).check(
        List.of(new MockMultipartFile("files", "tool.exe", "application/pdf", PDF)), true));
    assertThat(exe.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("不支持"));
  }

  @Test
  void refusesFilesAboveTheLimitWith413() {
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> store(4).check(
        List.of(new MockMultipartFile("files", "a.pdf", "application/pdf", PDF)), true));
    assertThat(problem.status().value()).isEqualTo(413);
  }

  @Test
  void requiresAtLeastOneFile() {
    assertThat(catchThrowableOfType(ApiProblem.class, () -> store(1024).check(List.of(), true)).errors())
        .extracting(ApiProblem.FieldError::field).containsExactly("files");
  }

  @Test
  void recognisesOfficeAndImageFormatsByContent() {
    byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    assertThat(MaterialStore.detect(ole, 8, "xls")).contains("application/vnd.ms-excel");
    assertThat(MaterialStore.detect(zip, 8, "docx")).hasValueSatisfying(t -> assertThat(t).contains("wordprocessingml"));
    assertThat(MaterialStore.detect(zip, 8, "pdf")).isEmpty();
    assertThat(MaterialStore.detect(png, 8, "png")).contains("image/png");
  }

  @Test
  void safeFileNamesDropPathsAndReservedCharacters() {
    assertThat(MaterialStore.safeFileName("C:\\x\\..\\a<b>.pdf")).isEqualTo("a_b_.pdf");
    assertThat(MaterialStore.safeFileName("../../.hidden")).isEqualTo("hidden");
    assertThat(MaterialStore.safeFileName(null)).isEqualTo("material");
  }
}
