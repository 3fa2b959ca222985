package cn.hrss.assessment.registry;

import java.time.LocalDate;

/**
 * A directory search; every criterion may be null (no filter).
 *
 * @param province GB/T 2260 province code of the institution or branch
 * @param occupation occupation code or code prefix ({@code 6-18}), or part of an occupation name
 * @param text part of the name, the start of a filing code, or a credit code
 * @param includeTerminated also list terminated institutions (removed from the directory by default)
 * @param status only institutions (or branches) with this effective status
 * @param validUntilFrom only those whose validity ends on or after this day
 * @param validUntilTo only those whose validity ends on or before this day
 */
public record DirectoryQuery(String province, String occupation, String text, boolean includeTerminated,
    InstitutionStatus status, LocalDate validUntilFrom, LocalDate validUntilTo) {

  public DirectoryQuery(String province, String occupation, String text, boolean includeTerminated) {
    this(province, occupation, text, includeTerminated, null, null, null);
  }

  public static DirectoryQuery all() {
    return new DirectoryQuery(null, null, null, false);
  }

  /** Terminated institutions are listed when asked for, or when the status filter asks for them. */
  boolean listsTerminated() {
    return includeTerminated || status == InstitutionStatus.TERMINATED;
  }
}
