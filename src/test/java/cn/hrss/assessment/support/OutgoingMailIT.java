package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The test profile's mail goes to {@link TestMail}. */
@IntegrationTest
class OutgoingMailIT {

  @Autowired
  JavaMailSender mailSender;

  @BeforeEach
  void purge() {
    TestMail.reset();
  }

  @Test
  void applicationMailArrivesAtTheTestServer() throws Exception {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("noreply@example.cn");
    message.setTo("applicant@example.cn");
    message.setSubject("受理通知");
    message.setText("测试");

    mailSender.send(message);

    assertThat(TestMail.server().waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = TestMail.server().getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("受理通知");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("applicant@example.cn");
  }
}
