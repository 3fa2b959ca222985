package cn.hrss.assessment.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded status change of an institution; {@code fromStatus} is null for the filing itself. */
public record StatusChange(
    String filingCode,
    InstitutionStatus fromStatus,
    InstitutionStatus toStatus,
    String reason,
    LocalDate rectificationDeadline,
    Instant changedAt) {}
