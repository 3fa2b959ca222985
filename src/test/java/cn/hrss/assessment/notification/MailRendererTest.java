package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailRendererTest {

  private final MailRenderer renderer = new MailRenderer(ZoneId.of("Asia/Shanghai"));

  @Test
  void subjectIsTheRenderedTitleAndTheBodyUsesTheCommonLayout() {
    MailRenderer.RenderedMail mail = renderer.render("test-notice",
        Map.of("caseRef", "BA-2026-0001", "applicantName", "某某职业技能评价中心", "deadline", LocalDate.of(2026, 3, 4)));

    assertThat(mail.subject()).isEqualTo("测试通知（案件编号：BA-2026-0001）");
    assertThat(mail.html())
        .contains("人力资源社会保障部门", "本邮件由系统自动发送，请勿直接回复。")
        .contains("某某职业技能评价中心", "BA-2026-0001", "2026年3月4日");
  }

  @Test
  void userSuppliedValuesAreEscapedInBodyAndTitle() {
    MailRenderer.RenderedMail mail = renderer.render("test-notice",
        Map.of("caseRef", "<b>X&1</b>", "applicantName", "<script>alert('x')</script>"));

    assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>X")
        .contains("&lt;script&gt;", "&lt;b&gt;X&amp;1&lt;/b&gt;");
    // The subject is a plain-text header: the escaped title decoded, not HTML.
    assertThat(mail.subject()).isEqualTo("测试通知（案件编号：<b>X&1</b>）");
  }

  @Test
  void deadlineGivenAsDateIsShownAsTheChineseCalendarDay() {
    // 2026-03-04 23:59:59 in Beijing is still 2026-03-04 15:59:59 UTC: shown as 3月4日 whatever the JVM zone.
    Date endOfDay = Date.from(ZonedDateTime.of(2026, 3, 4, 23, 59, 59, 0, ZoneId.of("Asia/Shanghai")).toInstant());

    MailRenderer.RenderedMail mail = renderer.render("test-notice",
        Map.of("caseRef", "BA-1", "applicantName", "甲", "deadline", endOfDay));

    assertThat(mail.html()).contains("2026年3月4日");
  }

  @Test
  void deadlineIsTheDayInTheConfiguredCalendarZone() {
    // 2026-03-05 02:00 in Beijing is 2026-03-04 18:00 UTC: the day depends on assessment.calendar.zone.
    Date instant = Date.from(ZonedDateTime.of(2026, 3, 5, 2, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    Map<String, Object> model = Map.of("caseRef", "BA-1", "applicantName", "甲", "deadline", instant);

    assertThat(renderer.render("test-notice", model).html()).contains("2026年3月5日");
    assertThat(new MailRenderer(ZoneId.of("UTC")).render("test-notice", model).html()).contains("2026年3月4日");
  }

  @Test
  void withoutDeadlineTheDeadlineSentenceIsLeftOut() {
    MailRenderer.RenderedMail mail = renderer.render("test-notice", Map.of("caseRef", "BA-1", "applicantName", "甲"));

    assertThat(mail.html()).doesNotContain("请于");
  }

  @Test
  void plainTextAlternativeHoldsTheTextWithoutMarkup() {
    MailRenderer.RenderedMail mail = renderer.render("test-notice",
        Map.of("caseRef", "BA-2026-0001", "applicantName", "A & B", "deadline", "2026-03-04"));

    assertThat(mail.text())
        .contains("人力资源社会保障部门", "A & B：", "编号 BA-2026-0001", "2026年3月4日", "请勿直接回复")
        .doesNotContain("<", "&amp;", "测试通知（"); // the <head> (title) is not part of the text
  }

  @Test
  void unknownOrMalformedTemplateNamesAreRefused() {
    assertThatThrownBy(() -> renderer.render("no-such-notice", Map.of())).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> renderer.render("../application", Map.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
