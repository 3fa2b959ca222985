package cn.hrss.assessment.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.notification.*}.
 *
 * @param from sender address of every notice
 * @param subjectPrefix put before every subject (e.g. "[测试] " on a staging system); empty by default
 * @param retryCycle engine-wide default retry cycle of failed jobs (Camunda {@code failedJobRetryTimeCycle},
 *     set from this property in application.yml): after the last interval an incident is raised
 * @param sendingExpiresAfter how long a SENDING claim protects a notice from a second sender; after that it
 *     counts as abandoned by a crashed sender (see {@link NotificationService}). Keep it longer than an SMTP
 *     exchange can take (the mail timeouts of application.yml: 25 s) and shorter than Camunda's job lock
 *     ({@code camunda.bpm.job-execution.lock-time-in-millis}, 5 minutes by default)
 */
@ConfigurationProperties("assessment.notification")
record NotificationProperties(
    @DefaultValue("noreply@assessment.local") String from,
    @DefaultValue("") String subjectPrefix,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H") String retryCycle,
    @DefaultValue("PT2M") Duration sendingExpiresAfter) {

  /** Domain part of the Message-ID: the sender's domain. */
  String messageIdDomain() {
    int at = from.lastIndexOf('@');
    String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return domain.isEmpty() ? "assessment.local" : domain;
  }
}
