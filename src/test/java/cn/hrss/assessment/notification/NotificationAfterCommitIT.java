package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.TestMail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Java callers outside a job: a notice about data of a transaction leaves only once that data is committed. */
@IntegrationTest
class NotificationAfterCommitIT {

  private static final String APPLICANT = "applicant@example.cn";

  @Autowired NotificationService notifications;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void setUp() {
    TestMail.reset();
  }

  @Test
  void sendAfterCommitWaitsForTheCommit() {
    Notice notice = notice("it-after-commit", "BA-IT-0020");

    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      notifications.sendAfterCommit(notice);
      assertThat(TestMail.server().getReceivedMessages()).as("not before the commit").isEmpty();
      assertThat(notifications.find("it-after-commit")).isEmpty();
    });

    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
    assertThat(notifications.find("it-after-commit").orElseThrow().status()).isEqualTo(NoticeStatus.SENT);
  }

  @Test
  void sendAfterCommitSendsNothingWhenTheTransactionRollsBack() {
    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      notifications.sendAfterCommit(notice("it-rolled-back", "BA-IT-0021"));
      tx.setRollbackOnly();
    });

    assertThat(TestMail.server().getReceivedMessages()).isEmpty();
    assertThat(notifications.find("it-rolled-back")).isEmpty();
  }

  @Test
  void sendAfterCommitWithoutATransactionSendsAtOnce() {
    notifications.sendAfterCommit(notice("it-no-transaction", "BA-IT-0022"));

    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
  }

  private static Notice notice(String key, String caseRef) {
    return new Notice(key, caseRef, "test-notice", List.of(APPLICANT), Map.of("applicantName", "甲"));
  }
}
