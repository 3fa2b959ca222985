package cn.hrss.assessment.filing;

import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials on disk under {@code assessment.filing.storage-dir}/{applicationNo}/. The stored name is a random
 * UUID with the checked extension, so the submitted file name never reaches the file system (no path traversal);
 * the type is decided by the content (magic bytes), not by what the client claims.
 */
@Component
class MaterialStore {

  /** Accepted types: extension → content type. */
  static final Map<String, String> TYPES = Map.of(
      "pdf", "application/pdf",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg",
      "doc", "application/msword",
      "xls", "application/vnd.ms-excel",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"/\\\\|?*]");
  private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f-]{36}\\.[a-z]{3,4}");

  private final FilingProperties properties;

  MaterialStore(FilingProperties properties) {
    this.properties = properties;
  }

  /** A file checked and ready to be written. */
  record Checked(MultipartFile file, String fileName, String extension, String contentType) {}

  /** A stored file. */
  record Stored(String fileName, String storedName, String contentType, long size, String sha256) {}

  /** Checks every file (at least one); refuses the whole request on the first problem list: nothing is stored. */
  List<Checked> check(List<MultipartFile> files, boolean required) {
    List<MultipartFile> present = files == null ? List.of()
        : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
    if (present.isEmpty()) {
      if (required) {
        throw ApiProblem.invalid("files", "请上传申报材料（PDF、图片或 Office 文档）");
      }
      return List.of();
    }
    if (present.size() > properties.maxFiles()) {
      throw ApiProblem.invalid("files", "一次最多上传 " + properties.maxFiles() + " 个文件");
    }
    List<Checked> checked = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      MultipartFile file = present.get(i);
      String field = "files[" + i + "]";
      if (file.getSize() > properties.maxFileSize().toBytes()) {
        throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大",
            "文件 " + safeFileName(file.getOriginalFilename()) + " 超过 " + properties.maxFileSize().toMegabytes() + " MB 的上限，未保存任何内容。");
      }
      String name = safeFileName(file.getOriginalFilename());
      String extension = extensionOf(name);
      Optional<String> detected = detect(file);
      if (extension == null || !TYPES.containsKey(extension)) {
        errors.add(new FieldError(field, "不支持的文件类型 “" + name + "”，仅接受 PDF、PNG、JPEG、DOC、DOCX、XLS、XLSX"));
      } else if (detected.isEmpty() || !detected.get().equals(TYPES.get(extension))) {
        errors.add(new FieldError(field, "文件 “" + name + "” 的内容与扩展名不符或已损坏"));
      } else {
        checked.add(new Checked(file, name, extension, detected.get()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return checked;
  }

  /** Writes the files; on failure removes what was written and rethrows. */
  List<Stored> store(String applicationNo, List<Checked> files) {
    Path dir = directoryOf(applicationNo);
    List<Stored> stored = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Checked file : files) {
        String storedName = UUID.randomUUID() + "." + file.extension();
        Path target = dir.resolve(storedName);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(file.file().getInputStream(), sha256)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        stored.add(new Stored(file.fileName(), storedName, file.contentType(), Files.size(target),
            HexFormat.of().formatHex(sha256.digest())));
      }
      return stored;
    } catch (IOException e) {
      delete(applicationNo, stored);
      throw new UncheckedIOException("Cannot store materials of " + applicationNo, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes files written for a request that was then refused or failed (nothing half-stored). */
  void delete(String applicationNo, List<Stored> stored) {
    for (Stored s : stored) {
      try {
        Files.deleteIfExists(directoryOf(applicationNo).resolve(s.storedName()));
      } catch (IOException ignored) {
        // best effort: an orphan file without a row is never served
      }
    }
  }

  /** The stored file, or empty if the name is not one we generated. */
  Optional<Path> open(String applicationNo, String storedName) {
    if (!STORED_NAME.matcher(storedName).matches()) {
      return Optional.empty();
    }
    Path file = directoryOf(applicationNo).resolve(storedName).normalize();
    return file.startsWith(directoryOf(applicationNo)) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private Path directoryOf(String applicationNo) {
    if (!applicationNo.matches("[A-Z0-9]+")) {
      throw new IllegalArgumentException("Invalid application number");
    }
    return properties.storageDir().toAbsolutePath().normalize().resolve(applicationNo);
  }

  /** The last path segment, without control or reserved characters, at most 200 characters. */
  static String safeFileName(String original) {
    String name = original == null ? "" : original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = UNSAFE.matcher(name).replaceAll("_").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isEmpty()) {
      name = "material";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The content type the first bytes show, if it is one we accept. */
  static Optional<String> detect(MultipartFile file) {
    byte[] head = new byte[8];
    int read;
    try (InputStream in = file.getInputStream()) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return Optional.empty();
    }
    return detect(head, read, extensionOf(safeFileName(file.getOriginalFilename())));
  }

  static Optional<String> detect(byte[] head, int length, String extension) {
    if (startsWith(head, length, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(TYPES.get("pdf"));
    }
    if (startsWith(head, length, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of(TYPES.get("png"));
    }
    if (startsWith(head, length, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(TYPES.get("jpg"));
    }
    // OLE2 compound file (DOC, XLS) and ZIP (DOCX, XLSX): the container says which family, the extension which one.
    if (startsWith(head, length, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1}) && ("doc".equals(extension) || "xls".equals(extension))) {
      return Optional.of(TYPES.get(extension));
    }
    if (startsWith(head, length, new byte[] {'P', 'K', 0x03, 0x04}) && ("docx".equals(extension) || "xlsx".equals(extension))) {
      return Optional.of(TYPES.get(extension));
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
