package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.notification.NoticeRecord;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.StatusChange;
import cn.hrss.assessment.registry.TerminationKind;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders and lapse (监督管理办法 Art. 21(7)) driven through {@link ExpiryWatch#sweep()} at a pinned engine clock
 * (the scheduled sweep is off in tests). The institution is filed on 2023-06-01: valid until 2026-06-01, so the
 * 90-day reminder is due on 2026-03-03 and the 30-day one on 2026-05-02.
 */
@IntegrationTest
class ExpiryWatchIT {

  @Autowired ExpiryWatch watch;
  @Autowired InstitutionRegistry registry;
  @Autowired NotificationService notifications;
  @Autowired LifecycleProperties properties;
  @Autowired Jobs jobs;

  String code;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    code = registry.register(LifecycleFixtures.provincialEmployer(LifecycleFixtures.freshEmployerCode())).filingCode();
  }

  @AfterEach
  void tearDown() {
    jobs.runDue();
    jobs.resetClock();
  }

  @Test
  void eachReminderIsSentOnceAtNinetyAndThirtyDaysAndTheLapseIsToldToTheDepartment() {
    assertThat(properties.reminderDays()).containsExactly(30, 90);
    sweepAt(LocalDateTime.of(2026, 3, 2, 23, 0)); // 91 days before
    assertThat(notices("institution-expiry-reminder")).isEmpty();

    sweepAt(LocalDateTime.of(2026, 3, 3, 0, 5)); // 90 days before
    sweepAt(LocalDateTime.of(2026, 3, 3, 12, 0)); // a second sweep (another node, a restart) sends nothing again
    assertThat(notices("institution-expiry-reminder")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly(LifecycleFixtures.EMAIL));
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL))
        .contains("备案有效期即将届满提醒（" + code + "）");
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("还有 90 天届满") && t.contains("2026年3月1日"));

    sweepAt(LocalDateTime.of(2026, 5, 1, 12, 0)); // 31 days before
    assertThat(notices("institution-expiry-reminder")).hasSize(1);
    sweepAt(LocalDateTime.of(2026, 5, 2, 8, 0)); // 30 days before
    sweepAt(LocalDateTime.of(2026, 5, 20, 8, 0));
    assertThat(notices("institution-expiry-reminder")).hasSize(2);
    assertThat(watch.recorded(code)).containsExactly("REMINDER_90", "REMINDER_30");

    sweepAt(LocalDateTime.of(2026, 6, 1, 23, 59)); // the last day is still valid
    assertThat(notices("institution-expired")).isEmpty();
    assertThat(registry.findByFilingCode(code).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);

    sweepAt(LocalDateTime.of(2026, 6, 2, 0, 1)); // the end of the last day
    sweepAt(LocalDateTime.of(2026, 6, 3, 0, 1));
    assertThat(notices("institution-expired")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly(LifecycleFixtures.EMAIL, properties.departmentEmail()));
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.departmentEmail()))
        .contains("评价机构备案有效期届满失效（" + code + "）");
    var institution = registry.findByFilingCode(code).orElseThrow();
    assertThat(institution.status()).isEqualTo(InstitutionStatus.EXPIRED);
    assertThat(institution.terminationKind()).isEqualTo(TerminationKind.LAPSED);
    assertThat(registry.statusHistory(code)).extracting(StatusChange::toStatus).contains(InstitutionStatus.EXPIRED);
  }

  @Test
  void afterDowntimeTheReminderDueNowIsSentOnceAndTheEarlierOneIsNotSentLate() {
    sweepAt(LocalDateTime.of(2026, 5, 12, 9, 0)); // 20 days before; no sweep ran since before 90 days
    assertThat(notices("institution-expiry-reminder")).singleElement();
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains(code) && t.contains("还有 20 天届满"));
    assertThat(watch.recorded(code)).containsExactlyInAnyOrder("REMINDER_90", "REMINDER_30");
    sweepAt(LocalDateTime.of(2026, 5, 13, 9, 0));
    assertThat(notices("institution-expiry-reminder")).hasSize(1);
  }

  @Test
  void twoNodesSweepingAtOnceSendTheReminderOnce() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 9, 0));
    CountDownLatch start = new CountDownLatch(1);
    Runnable node = () -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      watch.sweep();
    };
    CompletableFuture<Void> a = CompletableFuture.runAsync(node);
    CompletableFuture<Void> b = CompletableFuture.runAsync(node);
    start.countDown();
    CompletableFuture.allOf(a, b).get();
    jobs.runDue();
    assertThat(notices("institution-expiry-reminder")).hasSize(1);
  }

  @Test
  void aRenewedFilingGetsTheRemindersOfItsNewEndAndATerminatedOneNone() {
    sweepAt(LocalDateTime.of(2026, 3, 3, 9, 0));
    assertThat(notices("institution-expiry-reminder")).hasSize(1);
    registry.renew(code, "延续备案（测试）");
    sweepAt(LocalDateTime.of(2026, 5, 12, 9, 0));
    assertThat(notices("institution-expiry-reminder")).hasSize(1); // valid until 2029-06-01 now
    sweepAt(LocalDateTime.of(2029, 3, 3, 9, 0));
    assertThat(notices("institution-expiry-reminder")).hasSize(2);

    registry.terminate(code, "主动注销（测试）", TerminationKind.VOLUNTARY);
    sweepAt(LocalDateTime.of(2029, 6, 5, 9, 0));
    assertThat(notices("institution-expired")).isEmpty();
  }

  void sweepAt(LocalDateTime beijing) {
    jobs.moveClockTo(beijing);
    watch.sweep();
    jobs.runDue();
  }

  List<NoticeRecord> notices(String template) {
    return notifications.noticesFor(code).stream().filter(n -> template.equals(n.template())).toList();
  }
}
