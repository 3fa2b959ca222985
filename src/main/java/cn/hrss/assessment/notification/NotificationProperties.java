package cn.hrss.assessment.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.notification.*}.
 *
 * @param from sender address of every notice
 * @param subjectPrefix put before every subject (e.g. "[测试] " on a staging system); empty by default
 * @param retryCycle engine-wide default retry cycle of failed jobs (Camunda {@code failedJobRetryTimeCycle},
 *     set from this property in application.yml): after the last interval an incident is raised
 */
@ConfigurationProperties("assessment.notification")
record NotificationProperties(
    @DefaultValue("noreply@assessment.local") String from,
    @DefaultValue("") String subjectPrefix,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H") String retryCycle) {

  /** Domain part of the Message-ID: the sender's domain. */
  String messageIdDomain() {
    int at = from.lastIndexOf('@');
    String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return domain.isEmpty() ? "assessment.local" : domain;
  }
}
