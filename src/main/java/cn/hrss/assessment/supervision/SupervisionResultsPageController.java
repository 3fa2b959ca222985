package cn.hrss.assessment.supervision;

import cn.hrss.assessment.codes.Provinces;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 一公开 (004 浙江 机构管理办法 Art. 27: 监督结果依法依规向社会公布): the public page of the draws. Each draw is listed with
 * its date, province, period, number of institutions and its seed at once; a supervision's institution, activity day
 * and team (names and card codes: 001 督导规程 Art. 10 has supervisors show their cards; never e-mails or user ids)
 * only from its activity day, since supervision is not announced to the institution in advance (Art. 9(5)); its grade
 * and score once the supervision process has written them.
 */
@Controller
class SupervisionResultsPageController {

  static final int DRAWS_SHOWN = 50;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final Map<String, String> GRADES = Map.of("EXCELLENT", "优良", "PASS", "合格", "FAIL", "不合格");

  private final SupervisionDraws supervisions;
  private final Supervisors supervisors;
  private final AssessmentPlans plans;

  SupervisionResultsPageController(SupervisionDraws supervisions, Supervisors supervisors, AssessmentPlans plans) {
    this.supervisions = supervisions;
    this.supervisors = supervisors;
    this.plans = plans;
  }

  /** One draw as the page shows it. */
  public record DrawRow(String drawNo, String drawnOn, String province, String period, int institutions, String seed,
      String kind, boolean special, int teamSize, List<SupervisionRow> shown, int pending) {}

  /** One published supervision. */
  public record SupervisionRow(String supervisionNo, String institutionName, String filingCode, String activityDate,
      List<String> team, String grade, BigDecimal finalScore) {}

  @GetMapping("/supervision-results")
  String results(Model model) {
    LocalDate today = plans.today();
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    List<DrawRow> rows = new ArrayList<>();
    for (SupervisionDraws.DrawRecord d : supervisions.draws().stream().limit(DRAWS_SHOWN).toList()) {
      List<SupervisionRow> shown = new ArrayList<>();
      int pending = 0;
      for (SupervisionDraws.Supervision s : supervisions.ofDraw(d.drawNo())) {
        if (s.activityDate().isAfter(today)) {
          pending++;
          continue;
        }
        List<String> team = new ArrayList<>();
        for (int i = 0; i < s.team().size(); i++) {
          String label = supervisors.findByUser(s.team().get(i)).map(m -> m.name() + "（证卡 " + m.cardCode() + "）")
              .orElse("督导员");
          team.add(i == 0 ? label + "，组长" : label);
        }
        shown.add(new SupervisionRow(s.supervisionNo(), s.institutionName(), s.filingCode(),
            SHOWN.format(s.activityDate()), team, s.grade() == null ? null : GRADES.getOrDefault(s.grade(), s.grade()),
            s.finalScore()));
      }
      String period = d.from().equals(d.to()) ? SHOWN.format(d.from()) : SHOWN.format(d.from()) + "至" + SHOWN.format(d.to());
      rows.add(new DrawRow(d.drawNo(), SHOWN.format(d.drawnAt().atZone(zone).toLocalDate()),
          Provinces.nameOf(d.province()).orElse(d.province()), period, d.count(), d.seed(),
          SupervisionDraws.kindLabel(d.kind()), d.special(), d.teamSize(), shown, pending));
    }
    model.addAttribute("activeNav", "supervision-results");
    model.addAttribute("draws", rows);
    return "public/supervision-results";
  }
}
