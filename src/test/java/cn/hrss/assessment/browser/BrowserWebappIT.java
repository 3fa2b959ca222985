package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Tasklist and Cockpit in a real browser: Chinese, with each group's filters (IdentitySetup). */
@BrowserTest
class BrowserWebappIT {

  @Test
  void adminSeesChineseTasklistWithAllFilters(Browser browser) {
    Tasklist tasklist = Tasklist.login(browser, "admin", "admin");

    assertThat(tasklist.filterNames()).contains("受理审查", "技术评审", "备案决定", "分支机构备案", "违纪认定", "复核",
        "质量督导", "全部任务（只读）", "期限暂定的任务");
    // Labels of the Camunda UI itself come from our zh.json.
    browser.awaitText("创建过滤器");
    assertThat(browser.bodyText()).contains("发起流程", "键盘快捷键").doesNotContain("Start process", "Create a filter");
    assertThat(browser.driver().getTitle()).contains("评价机构备案与违纪处理");
    browser.screenshot("tasklist-admin-filters");
  }

  @Test
  void officerSeesOnlyTheFiltersOfTheirGroups(Browser browser) {
    Tasklist tasklist = Tasklist.login(browser, "officer", "officer");

    assertThat(tasklist.filterNames()).containsExactly("受理审查", "分支机构备案", "期限暂定的任务");
    tasklist.openFilter("受理审查");
    browser.screenshot("tasklist-officer-acceptance-filter");
    assertThat(browser.bodyText()).contains("受理审查");
  }

  @Test
  void managerSeesTheCockpitDashboardInChinese(Browser browser) {
    Cockpit.login(browser, "manager", "manager");

    browser.visible(By.cssSelector(".dashboard"));
    browser.awaitText("流程");
    browser.screenshot("cockpit-manager-dashboard");
    assertThat(browser.bodyText()).doesNotContain("Running Process Instances", "Open Incidents", "Deployed");
  }

  @Test
  void englishIsSelectableInTheUserMenu(Browser browser) {
    Tasklist.login(browser, "admin", "admin");
    browser.awaitText("发起流程");

    CamundaWebapp.switchLanguage(browser, "English");
    browser.awaitText("Start process");
    browser.screenshot("tasklist-english");
    CamundaWebapp.switchLanguage(browser, "中文");
    browser.awaitText("发起流程");
    browser.screenshot("tasklist-chinese-again");
  }

  @Test
  void adminAndWelcomeAreChinese(Browser browser) {
    CamundaWebapp.login(browser, "admin", "admin", "admin");
    browser.open("/camunda/app/admin/default/#/users");
    browser.awaitText("用户列表");
    browser.awaitText("officer");   // the heading shows before the list has loaded (正在加载…)
    assertThat(browser.bodyText()).contains("用户", "用户组", "授权", "officer").doesNotContain("List of Users");
    browser.screenshot("admin-users");
    browser.open("/camunda/app/admin/default/#/authorization?resource=0");
    browser.awaitText("新建授权");
    browser.screenshot("admin-authorizations");
    browser.open("/camunda/app/welcome/default/");
    browser.awaitText("任务列表");
    browser.screenshot("welcome");
  }
}
