package cn.hrss.assessment.calendar;

import java.time.LocalDate;

/**
 * Published (in a transaction) once per year, on the first node that notices from
 * {@code assessment.calendar.warn-from} on that next year has no official holiday schedule yet: the managers are
 * told by e-mail (notification feature) to load it when the State Council publishes it.
 *
 * @param year the year still provisional
 * @param noticedOn the day it was noticed
 */
public record ProvisionalYearAhead(int year, LocalDate noticedOn) {}
