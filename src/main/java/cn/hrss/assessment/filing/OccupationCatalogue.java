package cn.hrss.assessment.filing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The occupations (工种) an applicant picks from on the online application form, with the levels each may be
 * assessed at: {@code filing/occupation-catalogue.tsv}, one line per code, occupation and track. It starts as the
 * table applicants are told to follow when filling in the scope (001 豫职鉴〔2021〕1号 §三(五)); an operator extends
 * the file with the occupations of the 职业分类大典 and the standards in force.
 */
@Component
public class OccupationCatalogue {

  /**
   * One line: code, occupation, track (empty: the occupation itself), levels (1 高级技师 … 5 初级工), the evaluation
   * standard (国家职业技能标准 or a registered 评价规范; empty when none is known).
   */
  public record Entry(String code, String name, String track, List<Integer> levels, String standard) {
    /** What the form's list shows and submits: code, name and track. */
    public String label() {
      return code + " " + name + (track.isEmpty() ? "" : "（" + track + "）");
    }

    public String key() {
      return code + "|" + track;
    }
  }

  private final List<Entry> entries;

  OccupationCatalogue() {
    this.entries = load("filing/occupation-catalogue.tsv");
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Issue 19 item 4 (002 Annex 1 §二(六): "且有相应的国家职业技能标准或经人力资源社会保障部备案公示的评价规范"): what the
   * acceptance officer is told about each occupation applied for that this catalogue does not show with a standard
   * (not in it, or in it without one), as Markdown lines; empty when every one has a standard here.
   */
  String standardNotes(List<FilingApplication.Occupation> occupations) {
    StringBuilder notes = new StringBuilder();
    for (FilingApplication.Occupation o : occupations) {
      String track = o.track() == null ? "" : o.track().strip();
      List<Entry> same = entries.stream().filter(e -> e.code().equals(o.code())).toList();
      Optional<Entry> exact = same.stream().filter(e -> e.track().equals(track)).findFirst();
      String label = FilingDisplay.escape(o.code() + " " + o.name() + (track.isEmpty() ? "" : "（" + track + "）"));
      if (same.isEmpty()) {
        notes.append("- ").append(label).append("：").append(FilingTexts.text("occupation.notInCatalogue")).append("\n");
      } else if (exact.map(e -> e.standard().isEmpty()).orElse(same.stream().allMatch(e -> e.standard().isEmpty()))) {
        notes.append("- ").append(label).append("：").append(FilingTexts.text("occupation.noStandard")).append("\n");
      }
    }
    return notes.toString();
  }

  /** The entry a form's list submitted ({@link Entry#key()}), if any. */
  public Optional<Entry> find(String key) {
    return key == null ? Optional.empty() : entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  static List<Entry> load(String resource) {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length < 4) {
          throw new IllegalStateException(resource + ": four tab-separated columns expected: " + line);
        }
        entries.add(new Entry(columns[0].strip(), columns[1].strip(), columns[2].strip(),
            Arrays.stream(columns[3].split("[、,]")).map(String::strip).map(Integer::valueOf).sorted().toList(),
            columns.length > 4 ? columns[4].strip() : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }
}
