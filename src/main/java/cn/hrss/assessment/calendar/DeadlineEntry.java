package cn.hrss.assessment.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as the ledger holds it.
 *
 * @param countedFrom the day the count started on (not counted itself)
 * @param workingDays how many working days were counted
 * @param dueAt the deadline in force (end of the last working day)
 * @param firstYear first year counted over
 * @param lastYear the year of {@code dueAt}
 * @param revision the calendar revision it was last computed on
 */
public record DeadlineEntry(long id, String kind, String processInstanceId, String reference, LocalDate countedFrom,
    int workingDays, Instant dueAt, int firstYear, int lastYear, boolean provisional, long revision) {}
