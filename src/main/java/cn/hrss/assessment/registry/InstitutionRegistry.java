package cn.hrss.assessment.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The registry of filed assessment institutions (DOMAIN.md §3.4, §3.5): filing codes, validity, status and
 * the public directory. Dates are taken from the engine clock ({@code ClockUtil}) so process tests can move it.
 */
public interface InstitutionRegistry {

  /**
   * Files an institution: allocates its filing code (ministry-filed national employer: Y + next 0001-9999 +
   * province + the province's next site serial; its branch: the employer's letter and number + the branch's
   * province + that province's next site serial; province-filed: letter + 0000 + province + site serial),
   * validUntil = filing date + 3 years (004 Art. 23), status ACTIVE.
   *
   * @throws IllegalArgumentException invalid data (Chinese message)
   * @throws InstitutionNotFoundException unknown parent
   * @throws IllegalStateException parent not a filed national employer in force
   * @throws CodeSpaceExhaustedException no code left in the range
   */
  Institution register(NewInstitution institution);

  Optional<Institution> findByFilingCode(String filingCode);

  /** Every filing (any status) under this unified social credit code. */
  List<Institution> findByCreditCode(String creditCode);

  /** The branches filed under a national employer, in filing-code order. */
  List<Institution> branchesOf(String filingCode);

  /** 002 Annex 2 Art. 13: activities suspended until rectification; ACTIVE → SUSPENDED. */
  void suspend(String filingCode, LocalDate rectificationDeadline, String reason);

  /**
   * The rectification deadline of a suspension recomputed (working-day calendar, DOMAIN.md §6): the status stays
   * SUSPENDED, the change is recorded with its reason.
   *
   * @throws IllegalStateException if the institution is not suspended
   */
  void moveRectificationDeadline(String filingCode, LocalDate rectificationDeadline, String reason);

  /** Rectification accepted: SUSPENDED → ACTIVE. */
  void reinstate(String filingCode, String reason);

  /**
   * 002 Annex 2 Art. 14 / 004 Art. 24: TERMINATED; the code goes to the 废置库 for ever. Terminating a national
   * employer terminates its branches too (their filing rests on the employer's ministry receipt).
   */
  default void terminate(String filingCode, String reason) {
    terminate(filingCode, reason, TerminationKind.DISCIPLINARY);
  }

  /** The same, recording how the filing ended (004 Art. 24 voluntary notice, or a sanction). */
  void terminate(String filingCode, String reason, TerminationKind kind);

  /**
   * The institution with its row locked until the transaction ends: procedures that must not interleave with a
   * status change (a renewal or change submitted while the institution terminates) take it first.
   *
   * @throws InstitutionNotFoundException unknown code
   */
  Institution lock(String filingCode);

  /**
   * 004 Art. 21: the basic information changed (name, address, contact e-mail; a null value stays as it is). The
   * filing code stays; the change is recorded in the status history with its reason.
   *
   * @throws IllegalStateException when the institution is terminated
   */
  Institution updateBasicInfo(String filingCode, String name, String address, String contactEmail, String reason);

  /**
   * 004 Art. 22: the occupation scope replaced by {@code scope} (occupations and levels), recorded with its reason.
   *
   * @throws IllegalStateException when the institution is terminated
   */
  Institution replaceScope(String filingCode, List<OccupationScope> scope, String reason);

  /** Records that the institution's latest filing event was reported to the level above (004 Art. 10). */
  void markReportedUpwards(String filingCode);

  /**
   * Institutions and branches whose stored status is ACTIVE or SUSPENDED (not terminated) and whose validity ends
   * on or before {@code lastDay}: the expiry sweep's candidates (监督管理办法 Art. 21(7)).
   */
  List<Institution> inForceEndingBy(LocalDate lastDay);

  /** Records the lapse of a filing in its status history (the status EXPIRED itself is derived). */
  void recordLapse(String filingCode, String reason);

  /**
   * 004 Art. 23: renewal evaluated and granted before expiry → validity + 3 years from the current end.
   * Refused (IllegalStateException) once expired or terminated: the qualification has lapsed, file anew.
   */
  Institution renew(String filingCode, String reason);

  /**
   * The same for a renewal applied for on {@code appliedOn}: granted also when the validity ended while it was
   * evaluated, provided it was applied for by the last day (004 Art. 23 sets the time to apply, not to decide); the
   * new end is still the former end + 3 years, so the filing is continuous.
   */
  Institution renew(String filingCode, String reason, LocalDate appliedOn);

  /**
   * Social organisations filed and in force (ACTIVE or SUSPENDED, validity not passed) in a province for an
   * occupation: the "in principle ≤ 3" quota of 002 Annex 1 §二(四).
   */
  long countActiveSocialOrgs(String province, String occupationCode);

  /** Every status change of the institution, oldest first. */
  List<StatusChange> statusHistory(String filingCode);

  /** True when the code is in the retired-code store (废置库). */
  boolean isRetired(String filingCode);

  /** True when the code was ever issued or retired: such a code is never issued again. */
  boolean isTaken(String filingCode);

  /** The public directory: employers and organisations with their branches (branches never at top level). */
  List<DirectoryEntry> directory(DirectoryQuery query);

  /** One page ({@code page} from 0) of the directory, ordered by province and filing code, with the total. */
  DirectoryPage directory(DirectoryQuery query, int page, int size);
}
