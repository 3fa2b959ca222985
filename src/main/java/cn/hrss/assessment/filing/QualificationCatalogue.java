package cn.hrss.assessment.filing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * The skill qualifications of the 国家职业资格目录（2021年版） ({@code filing/qualification-catalogue.tsv}), by the
 * occupation name it lists (issue 19 item 4). Social organisations may not apply for any of them (002 Annex 1 §二(六)
 * 另行研究); employers may not apply for the 准入类 ones (企业职业技能等级认定工作实施方案基本内容 §二(二) 非准入类).
 */
final class QualificationCatalogue {

  /** One occupation of the catalogue: its name, category (准入类 / 水平评价类), implementing body, item number. */
  record Qualification(String name, String category, String body, int item) {
    boolean licensing() {
      return "准入类".equals(category);
    }
  }

  static final List<Qualification> ALL = load("filing/qualification-catalogue.tsv");

  private QualificationCatalogue() {}

  /** The qualification whose name is the occupation's name or track (either may be how an applicant names it). */
  static Optional<Qualification> find(String name, String track) {
    return ALL.stream().filter(q -> q.name().equals(strip(name)) || q.name().equals(strip(track))).findFirst();
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  static List<Qualification> load(String resource) {
    List<Qualification> all = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 4) {
          throw new IllegalStateException(resource + ": four tab-separated columns expected: " + line);
        }
        all.add(new Qualification(c[0].strip(), c[1].strip(), c[2].strip(), Integer.parseInt(c[3].strip())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(all);
  }
}
