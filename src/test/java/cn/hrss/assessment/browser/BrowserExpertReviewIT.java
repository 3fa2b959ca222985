package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 技术评审 through the real Camunda Form: a drawn panel member finds the review in the 技术评审 filter, reads the
 * application in the Chinese form, and gives an opinion. A comment of only spaces passes the form's own check
 * (form-js "required" refuses only an empty value) but not the server's (FilingCompletionRule: 评审说明 must not be
 * blank): Tasklist shows the server's message and the task stays open until the expert writes a real comment.
 */
@BrowserTest
class BrowserExpertReviewIT {

  @Autowired FilingSteps filings;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @AfterEach
  void cleanUp() {
    filings.deleteRunning();
  }

  @Test
  void expertIsRefusedABlankCommentThenCompletesTheReviewThroughTheForm(Browser browser) {
    String no = filings.atExpertReview();
    Task review = filings.expertReviews(no).get(0);
    String expert = review.getAssignee();

    Tasklist tasklist = Tasklist.login(browser, expert, expert).openFilter("技术评审");
    assertThat(tasklist.taskNames()).contains("技术评审");
    browser.screenshot("expert-filter");
    tasklist.openTask(no);
    tasklist.formField("评审意见");
    assertThat(browser.bodyText()).contains("技术评审（评估）", no, FilingSteps.INSTITUTION, "社会培训评价组织", "车工",
        "申报材料", "评审说明");
    assertThat(browser.driver().findElements(org.openqa.selenium.By.linkText(FilingSteps.MATERIAL))).isNotEmpty();
    browser.screenshot("expert-review-form");

    tasklist.awaitFormEnabled().choose("评审意见", "通过").fill("评审说明", "   ").complete();
    String shown = tasklist.awaitNotification("expertComment");
    browser.screenshot("blank-comment-refused-by-the-server");
    // The server's message in Chinese, the field named by its label on the form, no engine prefix in English.
    assertThat(shown).contains("提交内容未通过校验", "评审说明（expertComment）：必填").doesNotContain("Cannot");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    String comment = "人才队伍建设制度健全，评价标准与国家职业标准一致。";
    tasklist.dismissNotifications().fill("评审说明", comment);
    browser.screenshot("expert-review-filled");
    tasklist.complete();
    browser.await("review completed", d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
    tasklist.awaitNoTask(no);
    browser.screenshot("expert-review-completed");

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review.getProcessInstanceId())
        .variableName("expertComment").list()).extracting(HistoricVariableInstance::getValue).contains(comment);
    assertThat(filings.expertReviews(no)).extracting(Task::getAssignee).doesNotContain(expert);
  }
}
