package cn.hrss.assessment.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of every table a request could change (ours and the engine's runtime and history) and the files
 * under the materials folder: equal before and after a refused request means nothing was half-stored.
 */
record Snapshot(Map<String, Long> counts) {

  private static final List<String> TABLES = List.of(
      "filing_application", "filing_history", "filing_material", "filing_objection", "filing_branch",
      "filing_panel_draw", "filing_expert_opinion", "filing_counter",
      "discipline_case", "discipline_submission", "discipline_sanction", "discipline_ban", "discipline_archive",
      "registry_institution", "registry_institution_occupation", "registry_issued_code", "registry_status_change",
      "notice",
      "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_INCIDENT",
      "ACT_GE_BYTEARRAY", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL");

  static Snapshot of(JdbcTemplate jdbc, Path root) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.put("files under " + root, files(root));
    return new Snapshot(counts);
  }

  private static long files(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
