package cn.hrss.assessment.registry;

import cn.hrss.assessment.codes.Provinces;
import java.time.LocalDate;
import java.util.List;

/**
 * A filed institution (or branch) as the registry holds it.
 *
 * @param status the effective status: EXPIRED when {@code validUntil} has passed and it was not terminated
 * @param rectificationDeadline the deadline of the current suspension, if any
 * @param terminationKind how the filing ended (LAPSED derived with EXPIRED), null while in force
 * @param reportedUpwardsAt when the last filing, renewal, change or termination was reported to the level above
 */
public record Institution(
    String filingCode,
    InstitutionType type,
    String name,
    String creditCode,
    String province,
    String address,
    String contactEmail,
    String applicationNo,
    List<OccupationScope> occupations,
    String parentFilingCode,
    LocalDate filedOn,
    LocalDate validUntil,
    InstitutionStatus status,
    LocalDate rectificationDeadline,
    TerminationKind terminationKind,
    java.time.Instant reportedUpwardsAt) {

  public Institution {
    occupations = occupations == null ? List.of() : List.copyOf(occupations);
  }

  public boolean isBranch() {
    return parentFilingCode != null;
  }

  public String provinceName() {
    return Provinces.nameOf(province).orElse(province);
  }
}
