package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.FilingProcess.Elements;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen objects to a filing in public notice (公示, 002 Annex 1 §二(十)4) on the public page; the objection becomes
 * a 处理公示异议 task (Task_ReviewObjection) in the acceptance officers' 受理审查 filter, whose form shows what the
 * citizen wrote; the officer answers it.
 */
@BrowserTest
class BrowserObjectionIT {

  @Autowired FilingSteps filings;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @AfterEach
  void cleanUp() {
    filings.deleteRunning();
  }

  @Test
  void citizensObjectionOnTheNoticePageBecomesTheOfficersTask(Browser browser) {
    String no = filings.inPublicNotice();
    PublicPages pages = new PublicPages(browser);

    assertThat(pages.openNotice(no).getText()).contains(FilingSteps.INSTITUTION, "车工", "公示截止");
    browser.screenshot("public-notice");
    String objection = "该机构申报的考评人员中有 3 人已在其他机构任职，名册不实。";
    pages.fillObjection(no, "张三", "13800000000", objection);
    browser.screenshot("objection-filled");
    assertThat(pages.submitObjection(no)).contains("异议已收到");
    browser.screenshot("objection-received");

    Task task = filings.task(no, Elements.REVIEW_OBJECTION);
    assertThat(task.getName()).isEqualTo("处理公示异议");
    Tasklist tasklist = Tasklist.login(browser, "officer", "officer").openFilter("受理审查");
    assertThat(tasklist.taskNames()).contains("处理公示异议");
    browser.screenshot("officer-filter-with-objection");

    tasklist.openTask(no).claim();
    tasklist.formField("异议是否成立");
    assertThat(browser.bodyText()).contains("处理公示异议", "异议内容", "张三", "13800000000", objection, no,
        FilingSteps.INSTITUTION);
    browser.screenshot("objection-task-form");

    tasklist.awaitFormEnabled().choose("异议是否成立", "不成立").fill("核查意见", "经核查，3 人均与该机构签订劳动合同，异议不成立。");
    browser.screenshot("objection-answered");
    tasklist.complete();
    browser.await("objection answered", d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    tasklist.awaitNoTask(no);
    browser.screenshot("objection-done");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isEqualTo(1);
  }
}
