package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.supervision.Scorecard;
import cn.hrss.assessment.supervision.Scorecards;
import cn.hrss.assessment.supervision.SupervisionAssigned;
import cn.hrss.assessment.support.Jobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 督导评分 through the generated Camunda Form in Tasklist (issue 14: the form comes from the scorecard data): a team
 * member finds his card in the 质量督导 filter, fills one number field per item of the question-setting card, and
 * the server keeps the card with the total it computed.
 */
@BrowserTest
class BrowserSupervisionScoringIT {

  @Autowired Scorecards scorecards;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;

  private String no;

  @AfterEach
  void cleanUp() {
    jobs.forget(List.of(no));
  }

  @Test
  void aSupervisorScoresEveryItemOfTheGeneratedFormAndTheServerTotalsIt(Browser browser) {
    no = "DD-BROWSER-" + System.nanoTime() % 1_000_000;
    transactions.executeWithoutResult(status -> events.publishEvent(new SupervisionAssigned(no, "JH-" + no, "Y999941000001",
        "浏览器督导测试机构", null, "41", Scorecards.QUESTION_SETTING, false, LocalDate.of(2026, 3, 2), "郑州市考点",
        List.of("supervisor1", "supervisor2"))));
    Scorecard card = scorecards.find(Scorecards.QUESTION_SETTING).orElseThrow();

    Tasklist tasklist = Tasklist.login(browser, "supervisor1", "supervisor1").openFilter("质量督导");
    tasklist.openTask(no);
    Scorecard.Item first = card.items().get(0);
    tasklist.formField(label(first));
    assertThat(browser.bodyText()).contains("督导评分", "浏览器督导测试机构", "命题管理的规范性（25 分）", first.criterion());
    browser.screenshot("supervision-scoring-form");

    tasklist.awaitFormEnabled();
    // Full marks but a half point off the first item and one point off the second: 98.5.
    for (Scorecard.Item item : card.items()) {
      String points = item == first ? BigDecimal.valueOf(item.maxPoints()).subtract(new BigDecimal("0.5")).toPlainString()
          : item == card.items().get(1) ? String.valueOf(item.maxPoints() - 1) : String.valueOf(item.maxPoints());
      tasklist.fill(label(item), points);
    }
    tasklist.fill("督导评价意见（可选）", "命题管理规范。");
    browser.screenshot("supervision-scoring-filled");
    tasklist.complete();
    browser.await("card stored", d -> jdbc.queryForObject("SELECT COUNT(*) FROM supervision_score WHERE supervision_no = ?"
        + " AND supervisor = 'supervisor1'", Integer.class, no) == 1);
    Task mine = tasks.createTaskQuery().processInstanceBusinessKey(no).taskAssignee("supervisor1").singleResult();
    assertThat(mine).isNull();
    assertThat(jdbc.queryForObject("SELECT total FROM supervision_score WHERE supervision_no = ? AND supervisor = 'supervisor1'",
        BigDecimal.class, no)).isEqualByComparingTo("98.5");
    assertThat(jdbc.queryForObject("SELECT score_comment FROM supervision_score WHERE supervision_no = ?", String.class, no))
        .isEqualTo("命题管理规范。");
    browser.screenshot("supervision-scoring-completed");
  }

  private static String label(Scorecard.Item item) {
    return item.id() + " " + item.indicator() + "（满分 " + item.maxPoints() + " 分）";
  }
}
