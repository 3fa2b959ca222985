package cn.hrss.assessment.notification;

import java.time.Instant;
import java.util.List;

/** Stored delivery state of one notice, as listed per case. */
public record NoticeRecord(
    String key,
    String caseRef,
    String template,
    List<String> recipients,
    String subject,
    NoticeStatus status,
    int attempts,
    String messageId,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant sentAt,
    String lastError) {}
