package cn.hrss.assessment.supervision;

import cn.hrss.assessment.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/scorecards/ON_SITE} and {@code /QUESTION_SETTING} (public, CONTRACT.md "Supervision"). */
@RestController
class ScorecardController {

  private final Scorecards scorecards;

  ScorecardController(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping("/api/scorecards/{kind}")
  Scorecard scorecard(@PathVariable String kind) {
    return scorecards.find(kind).orElseThrow(() -> ApiProblem.notFound("评分表 " + kind + " 不存在（ON_SITE 或 QUESTION_SETTING）"));
  }
}
