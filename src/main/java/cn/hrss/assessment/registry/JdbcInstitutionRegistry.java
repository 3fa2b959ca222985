package cn.hrss.assessment.registry;

import cn.hrss.assessment.calendar.CalendarProperties;
import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.CityCodes;
import cn.hrss.assessment.codes.FilingCode;
import cn.hrss.assessment.codes.OccupationCodes;
import cn.hrss.assessment.codes.Provinces;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link InstitutionRegistry} on plain JDBC (tables of {@code V1__registry.sql}).
 *
 * <p>Code allocation: {@code UPDATE registry_code_sequence SET next_value = next_value + 1} takes a row lock
 * that concurrent filings wait for (H2 and PostgreSQL alike) and the value is read back in the same
 * transaction. A rolled-back filing rolls its increment back too; a number whose code is already taken
 * (issued, or put in the 废置库 from outside) is skipped, never reused (001 人社鉴发〔2019〕2号 Annex 1 §四(一)).
 */
@Repository
class JdbcInstitutionRegistry implements InstitutionRegistry {

  /** 004 Art. 23: a filing is valid for 3 years. */
  private static final int VALIDITY_YEARS = 3;

  private static final String SELECT_INSTITUTION =
      "SELECT filing_code, institution_type, name, credit_code, province, address, contact_email, application_no,"
          + " parent_filing_code, status, filed_on, valid_until, rectification_deadline, termination_kind, reported_upwards_at"
          + " FROM registry_institution";

  private final NamedParameterJdbcTemplate jdbc;
  /** Filing dates and validity are calendar days where the calendar counts them (assessment.calendar.zone). */
  private final ZoneId zone;

  JdbcInstitutionRegistry(NamedParameterJdbcTemplate jdbc, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  @Override
  @Transactional
  public Institution register(NewInstitution n) {
    validate(n);
    String letter;
    String institutionCode;
    LocalDate today = today();
    LocalDate validUntil = today.plusYears(VALIDITY_YEARS);
    if (n.parentFilingCode() != null) {
      // Lock the employer's row: a termination running at the same time either sees this branch (and
      // terminates it too) or finishes first (and this filing is refused).
      lockStatus(n.parentFilingCode());
      Institution parent = findByFilingCode(n.parentFilingCode())
          .orElseThrow(() -> new InstitutionNotFoundException(n.parentFilingCode()));
      checkParent(parent, n.type());
      FilingCode parentCode = FilingCode.parse(parent.filingCode());
      letter = parentCode.category();
      institutionCode = parentCode.institutionCode();
      // (our choice) A branch's filing rests on the employer's ministry receipt: it cannot outlast it.
      if (parent.validUntil().isBefore(validUntil)) {
        validUntil = parent.validUntil();
      }
    } else {
      letter = n.type().categoryLetter();
      // 001 人社鉴发〔2019〕2号 Annex 1 §二(二): filed first with the ministry → 0001-9999 in order; with a province → 0000.
      institutionCode = n.isMinistryFiled() ? allocateMinistryNumber(letter) : FilingCode.PROVINCE_FILED;
    }
    String filingCode = n.cityCode() == null
        ? allocateSiteCode(letter, institutionCode, n.province())
        : allocateCitySiteCode(letter, institutionCode, n.province(), n.cityCode());
    Timestamp now = now();
    jdbc.update(
        "INSERT INTO registry_issued_code (filing_code, issued_at) VALUES (:code, :now)",
        new MapSqlParameterSource("code", filingCode).addValue("now", now));
    jdbc.update(
        "INSERT INTO registry_institution (filing_code, institution_type, name, credit_code, province, address,"
            + " contact_email, application_no, parent_filing_code, status, filed_on, valid_until, created_at)"
            + " VALUES (:code, :type, :name, :creditCode, :province, :address, :email, :applicationNo, :parent,"
            + " 'ACTIVE', :filedOn, :validUntil, :now)",
        new MapSqlParameterSource("code", filingCode)
            .addValue("type", n.type().name())
            .addValue("name", n.name().trim())
            .addValue("creditCode", n.creditCode())
            .addValue("province", n.province())
            .addValue("address", n.address())
            .addValue("email", n.contactEmail())
            .addValue("applicationNo", n.applicationNo())
            .addValue("parent", n.parentFilingCode())
            .addValue("filedOn", today)
            .addValue("validUntil", validUntil)
            .addValue("now", now));
    int itemNo = 0;
    for (OccupationScope o : n.occupations()) {
      jdbc.update(
          "INSERT INTO registry_institution_occupation (filing_code, item_no, occupation_code, occupation_name, track, levels)"
              + " VALUES (:code, :itemNo, :occupation, :name, :track, :levels)",
          new MapSqlParameterSource("code", filingCode)
              .addValue("itemNo", ++itemNo)
              .addValue("occupation", o.code())
              .addValue("name", o.name())
              .addValue("track", o.track())
              .addValue("levels", o.levels().stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
    recordChange(filingCode, null, InstitutionStatus.ACTIVE,
        n.applicationNo() == null ? null : "备案申请 " + n.applicationNo(), null);
    return findByFilingCode(filingCode).orElseThrow();
  }

  @Override
  public Optional<Institution> findByFilingCode(String filingCode) {
    if (filingCode == null) {
      return Optional.empty();
    }
    return load(SELECT_INSTITUTION + " WHERE filing_code = :code", new MapSqlParameterSource("code", filingCode))
        .stream().findFirst();
  }

  @Override
  public List<Institution> findByCreditCode(String creditCode) {
    return load(SELECT_INSTITUTION + " WHERE credit_code = :creditCode ORDER BY filing_code",
        new MapSqlParameterSource("creditCode", creditCode));
  }

  @Override
  public List<Institution> branchesOf(String filingCode) {
    return load(SELECT_INSTITUTION + " WHERE parent_filing_code = :code ORDER BY filing_code",
        new MapSqlParameterSource("code", filingCode));
  }

  @Override
  @Transactional
  public void suspend(String filingCode, LocalDate rectificationDeadline, String reason) {
    if (rectificationDeadline == null) {
      throw new IllegalArgumentException("暂停评价活动须规定整改期限");
    }
    changeStatus(filingCode, InstitutionStatus.SUSPENDED, Set.of(InstitutionStatus.ACTIVE), reason, rectificationDeadline);
  }

  @Override
  @Transactional
  public void moveRectificationDeadline(String filingCode, LocalDate rectificationDeadline, String reason) {
    if (rectificationDeadline == null) {
      throw new IllegalArgumentException("暂停评价活动须规定整改期限");
    }
    changeStatus(filingCode, InstitutionStatus.SUSPENDED, Set.of(InstitutionStatus.SUSPENDED), reason,
        rectificationDeadline);
  }

  @Override
  @Transactional
  public void reinstate(String filingCode, String reason) {
    changeStatus(filingCode, InstitutionStatus.ACTIVE, Set.of(InstitutionStatus.SUSPENDED), reason, null);
  }

  @Override
  @Transactional
  public void terminate(String filingCode, String reason, TerminationKind kind) {
    if (kind == TerminationKind.DISCIPLINARY && lockStatus(filingCode) == InstitutionStatus.TERMINATED) {
      // 004 Art. 24: a disciplinary case open when the institution gave notice continues; its termination is the
      // stronger fact and is recorded on the filing already ended (the code is retired already).
      recordChange(filingCode, InstitutionStatus.TERMINATED, InstitutionStatus.TERMINATED, reason, null);
      setTerminationKind(filingCode, kind);
      return;
    }
    changeStatus(filingCode, InstitutionStatus.TERMINATED,
        Set.of(InstitutionStatus.ACTIVE, InstitutionStatus.SUSPENDED), reason, null);
    setTerminationKind(filingCode, kind);
    retire(filingCode, reason);
    for (Institution branch : branchesOf(filingCode)) {
      if (branch.status() != InstitutionStatus.TERMINATED) {
        String branchReason = "所属用人单位（" + filingCode + "）终止备案" + (reason == null ? "" : "：" + reason);
        changeStatus(branch.filingCode(), InstitutionStatus.TERMINATED,
            Set.of(InstitutionStatus.ACTIVE, InstitutionStatus.SUSPENDED), branchReason, null);
        setTerminationKind(branch.filingCode(), kind);
        retire(branch.filingCode(), branchReason);
      }
    }
  }

  private void setTerminationKind(String filingCode, TerminationKind kind) {
    jdbc.update("UPDATE registry_institution SET termination_kind = :kind WHERE filing_code = :code",
        new MapSqlParameterSource("kind", kind == null ? null : kind.name()).addValue("code", filingCode));
  }

  @Override
  @Transactional
  public Institution lock(String filingCode) {
    lockStatus(filingCode);
    return findByFilingCode(filingCode).orElseThrow(() -> new InstitutionNotFoundException(filingCode));
  }

  @Override
  @Transactional
  public Institution updateBasicInfo(String filingCode, String name, String address, String contactEmail,
      String reason) {
    InstitutionStatus stored = lockStatus(filingCode);
    if (stored == InstitutionStatus.TERMINATED) {
      throw new IllegalStateException("评价机构 " + filingCode + " 已终止备案，不能变更信息");
    }
    jdbc.update("UPDATE registry_institution SET name = COALESCE(:name, name), address = COALESCE(:address, address),"
        + " contact_email = COALESCE(:email, contact_email) WHERE filing_code = :code",
        new MapSqlParameterSource("name", name == null ? null : name.trim()).addValue("address", address)
            .addValue("email", contactEmail).addValue("code", filingCode));
    recordChange(filingCode, stored, stored, reason, null);
    return findByFilingCode(filingCode).orElseThrow();
  }

  @Override
  @Transactional
  public Institution replaceScope(String filingCode, List<OccupationScope> scope, String reason) {
    InstitutionStatus stored = lockStatus(filingCode);
    if (stored == InstitutionStatus.TERMINATED) {
      throw new IllegalStateException("评价机构 " + filingCode + " 已终止备案，不能变更职业（工种）");
    }
    jdbc.update("DELETE FROM registry_institution_occupation WHERE filing_code = :code",
        new MapSqlParameterSource("code", filingCode));
    int itemNo = 0;
    for (OccupationScope o : scope) {
      jdbc.update(
          "INSERT INTO registry_institution_occupation (filing_code, item_no, occupation_code, occupation_name, track, levels)"
              + " VALUES (:code, :itemNo, :occupation, :name, :track, :levels)",
          new MapSqlParameterSource("code", filingCode)
              .addValue("itemNo", ++itemNo)
              .addValue("occupation", o.code())
              .addValue("name", o.name())
              .addValue("track", o.track())
              .addValue("levels", o.levels().stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
    recordChange(filingCode, stored, stored, reason, null);
    return findByFilingCode(filingCode).orElseThrow();
  }

  @Override
  @Transactional
  public void markReportedUpwards(String filingCode) {
    jdbc.update("UPDATE registry_institution SET reported_upwards_at = :now WHERE filing_code = :code",
        new MapSqlParameterSource("now", now()).addValue("code", filingCode));
  }

  @Override
  public List<Institution> inForceEndingBy(LocalDate lastDay) {
    return load(SELECT_INSTITUTION + " WHERE status IN ('ACTIVE', 'SUSPENDED') AND valid_until <= :lastDay"
        + " ORDER BY valid_until, filing_code", new MapSqlParameterSource("lastDay", lastDay));
  }

  @Override
  @Transactional
  public void recordLapse(String filingCode, String reason) {
    InstitutionStatus stored = lockStatus(filingCode);
    recordChange(filingCode, stored, InstitutionStatus.EXPIRED, reason, null);
  }

  @Override
  @Transactional
  public Institution renew(String filingCode, String reason) {
    return renew(filingCode, reason, today());
  }

  @Override
  @Transactional
  public Institution renew(String filingCode, String reason, LocalDate appliedOn) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("续期须说明理由");
    }
    InstitutionStatus stored = lockStatus(filingCode);
    Institution current = findByFilingCode(filingCode).orElseThrow(() -> new InstitutionNotFoundException(filingCode));
    boolean appliedInTime = !appliedOn.isAfter(current.validUntil());
    if (current.status() == InstitutionStatus.TERMINATED
        || (current.status() == InstitutionStatus.EXPIRED && !appliedInTime)) {
      throw new IllegalStateException("评价机构 " + filingCode + " 当前状态为“" + current.status().label() + "”，不能续期");
    }
    LocalDate validUntil = current.validUntil().plusYears(VALIDITY_YEARS);
    jdbc.update("UPDATE registry_institution SET valid_until = :validUntil WHERE filing_code = :code",
        new MapSqlParameterSource("validUntil", validUntil).addValue("code", filingCode));
    recordChange(filingCode, stored, stored, reason + "（有效期延至 " + validUntil + "）", null);
    return findByFilingCode(filingCode).orElseThrow();
  }

  @Override
  public long countActiveSocialOrgs(String province, String occupationCode) {
    Long count = jdbc.queryForObject(
        "SELECT COUNT(DISTINCT i.filing_code) FROM registry_institution i"
            + " JOIN registry_institution_occupation o ON o.filing_code = i.filing_code"
            + " WHERE i.institution_type = 'SOCIAL_ORG' AND i.status IN ('ACTIVE', 'SUSPENDED')"
            + " AND i.valid_until >= :today AND i.province = :province AND o.occupation_code = :occupation",
        new MapSqlParameterSource("today", today()).addValue("province", province).addValue("occupation", occupationCode),
        Long.class);
    return count == null ? 0 : count;
  }

  @Override
  public List<StatusChange> statusHistory(String filingCode) {
    return jdbc.query(
        "SELECT filing_code, from_status, to_status, reason, rectification_deadline, changed_at"
            + " FROM registry_status_change WHERE filing_code = :code ORDER BY id",
        new MapSqlParameterSource("code", filingCode),
        (rs, i) -> new StatusChange(
            rs.getString("filing_code"),
            rs.getString("from_status") == null ? null : InstitutionStatus.valueOf(rs.getString("from_status")),
            InstitutionStatus.valueOf(rs.getString("to_status")),
            rs.getString("reason"),
            localDate(rs, "rectification_deadline"),
            rs.getTimestamp("changed_at").toInstant()));
  }

  @Override
  public boolean isRetired(String filingCode) {
    return exists("SELECT COUNT(*) FROM registry_retired_code WHERE filing_code = :code", filingCode);
  }

  @Override
  public boolean isTaken(String filingCode) {
    return exists("SELECT COUNT(*) FROM registry_issued_code WHERE filing_code = :code", filingCode)
        || isRetired(filingCode);
  }

  @Override
  public List<DirectoryEntry> directory(DirectoryQuery query) {
    return directory(query, 0, Integer.MAX_VALUE).entries();
  }

  @Override
  public DirectoryPage directory(DirectoryQuery query, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (!query.listsTerminated()) {
      // 000 / 004 supervision Art. 21: a terminated institution is removed from the directory.
      where.append(" AND i.status <> 'TERMINATED'");
    }
    int unsearched = where.length();
    if (query.status() != null) {
      // The effective status: EXPIRED is derived from valid_until (004 Art. 23), as when an institution is read.
      params.addValue("today", today());
      where.append(switch (query.status()) {
        case ACTIVE -> " AND i.status = 'ACTIVE' AND i.valid_until >= :today";
        case SUSPENDED -> " AND i.status = 'SUSPENDED' AND i.valid_until >= :today";
        case TERMINATED -> " AND i.status = 'TERMINATED'";
        case EXPIRED -> " AND i.status <> 'TERMINATED' AND i.valid_until < :today";
      });
    }
    if (query.validUntilFrom() != null) {
      where.append(" AND i.valid_until >= :validFrom");
      params.addValue("validFrom", query.validUntilFrom());
    }
    if (query.validUntilTo() != null) {
      where.append(" AND i.valid_until <= :validTo");
      params.addValue("validTo", query.validUntilTo());
    }
    if (hasText(query.province())) {
      where.append(" AND i.province = :province");
      params.addValue("province", query.province().trim());
    }
    if (hasText(query.occupation())) {
      String occupation = query.occupation().trim();
      where.append(" AND EXISTS (SELECT 1 FROM registry_institution_occupation o WHERE o.filing_code = i.filing_code AND ");
      if (OccupationCodes.isValid(occupation)) {
        where.append("o.occupation_code = :occupation)");
        params.addValue("occupation", occupation);
      } else if (OccupationCodes.isValidPrefix(occupation)) {
        where.append("o.occupation_code LIKE :occupation ESCAPE '\\')");
        params.addValue("occupation", occupation + "-%");
      } else {
        where.append("(LOWER(o.occupation_name) LIKE :occupation ESCAPE '\\' OR LOWER(o.track) LIKE :occupation ESCAPE '\\'))");
        params.addValue("occupation", "%" + escapeLike(occupation.toLowerCase(Locale.ROOT)) + "%");
      }
    }
    if (hasText(query.text())) {
      String text = query.text().trim();
      where.append(" AND (LOWER(i.name) LIKE :name ESCAPE '\\' OR i.filing_code LIKE :codePrefix ESCAPE '\\'"
          + " OR i.credit_code = :creditCode)");
      params.addValue("name", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%")
          .addValue("codePrefix", escapeLike(text.toUpperCase(Locale.ROOT)) + "%")
          .addValue("creditCode", text.toUpperCase(Locale.ROOT));
    }
    // Paged in the database over the top-level entries: an employer or organisation matched itself or through one
    // of its branches (branches are never listed at top level). A terminated employer found through a branch is
    // left out unless terminated ones are asked for.
    String rootWhere = " WHERE r.filing_code IN (SELECT COALESCE(i.parent_filing_code, i.filing_code)"
        + " FROM registry_institution i" + where + ")" + (query.listsTerminated() ? "" : " AND r.status <> 'TERMINATED'");
    if (where.length() == unsearched) {
      // No search (the directory's first page as everybody opens it): every top-level entry matches itself, so the
      // entries are the top-level ones, read in the order of ix_registry_institution_order up to the page's end
      // instead of matching all institutions and sorting them (issue 15 item 4: the first page at 50,000).
      rootWhere = " WHERE r.parent_filing_code IS NULL" + (query.listsTerminated() ? "" : " AND r.status <> 'TERMINATED'");
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM registry_institution r" + rootWhere, params, Long.class);
    if (total == null || total == 0) {
      return new DirectoryPage(List.of(), 0);
    }
    long offset = (long) page * size;
    if (offset >= total) {
      return new DirectoryPage(List.of(), total);
    }
    params.addValue("limit", size).addValue("offset", offset);
    List<String> roots = jdbc.queryForList("SELECT r.filing_code FROM registry_institution r" + rootWhere
        + " ORDER BY r.province, r.filing_code LIMIT :limit OFFSET :offset", params, String.class);
    params.addValue("roots", roots);
    Set<String> matchedCodes = load(SELECT_INSTITUTION + " i" + where
        + " AND (i.filing_code IN (:roots) OR i.parent_filing_code IN (:roots))", params)
        .stream().map(Institution::filingCode).collect(Collectors.toSet());
    List<Institution> rootInstitutions = load(SELECT_INSTITUTION + " WHERE filing_code IN (:codes)"
        + " ORDER BY province, filing_code", new MapSqlParameterSource("codes", roots));
    Map<String, List<Institution>> branches = new LinkedHashMap<>();
    for (Institution branch : load(SELECT_INSTITUTION + " WHERE parent_filing_code IN (:codes) ORDER BY filing_code",
        new MapSqlParameterSource("codes", roots))) {
      branches.computeIfAbsent(branch.parentFilingCode(), k -> new ArrayList<>()).add(branch);
    }
    List<DirectoryEntry> entries = new ArrayList<>();
    for (Institution root : rootInstitutions) {
      boolean rootMatched = matchedCodes.contains(root.filingCode());
      // (our choice) Under an employer found by its own data all its branches are listed; under an employer
      // found only through a branch (say by the branch's province) just the matching branches.
      List<Institution> listed = branches.getOrDefault(root.filingCode(), List.of()).stream()
          .filter(b -> query.listsTerminated() || b.status() != InstitutionStatus.TERMINATED)
          .filter(b -> rootMatched || matchedCodes.contains(b.filingCode()))
          .toList();
      entries.add(new DirectoryEntry(root, listed));
    }
    return new DirectoryPage(entries, total);
  }

  // --- allocation -------------------------------------------------------------------------------------

  /** Positions 2-5 for a ministry-filed institution: the next free 0001-9999 of its category letter. */
  private String allocateMinistryNumber(String letter) {
    while (true) {
      long number = next("MINISTRY-" + letter, "部级备案评价机构代码（第 2-5 位，0001-9999）");
      String institutionCode = String.format("%04d", number);
      // A number already used by any issued or retired code (imported from outside) is skipped, not shared.
      boolean used = exists("SELECT COUNT(*) FROM registry_issued_code WHERE filing_code LIKE :prefix",
          letter + institutionCode + "%")
          || exists("SELECT COUNT(*) FROM registry_retired_code WHERE filing_code LIKE :prefix", letter + institutionCode + "%");
      if (!used) {
        return institutionCode;
      }
    }
  }

  /** Positions 8-13: the province's next site serial not already part of a taken code. */
  private String allocateSiteCode(String letter, String institutionCode, String province) {
    while (true) {
      long serial = next("SITE-" + province,
          Provinces.name(province) + "评价机构（站点）序列码（第 8-13 位，000001-999999）");
      String code = new FilingCode(letter, institutionCode, province, String.format("%06d", serial)).value();
      if (!isTaken(code)) {
        return code;
      }
    }
  }

  /**
   * Positions 8-13 where the province codes its sites by city: 8-9 the city code of its table, 10-13 the city's next
   * serial (001 豫职鉴〔2020〕2号 Annex 1 §二(四)-(五): "由评价机构（站点）参保地人力资源社会保障部门…赋码", so one
   * counter per city, {@code SITE-41-12}). Serials 0001-8999: a 9 in position 10 is kept for the technical-school
   * centres (DOMAIN.md §3.5, our reading for Henan), so employers' and organisations' sites never take it.
   */
  private String allocateCitySiteCode(String letter, String institutionCode, String province, String city) {
    while (true) {
      long serial = next("SITE-" + province + "-" + city, Provinces.name(province) + CityCodes.name(province, city)
          + "评价机构（站点）序列码（第 10-13 位，0001-8999）");
      String code = FilingCode.withCity(letter, Integer.parseInt(institutionCode), province, city, (int) serial).value();
      if (!isTaken(code)) {
        return code;
      }
    }
  }

  private long next(String sequence, String description) {
    MapSqlParameterSource name = new MapSqlParameterSource("name", sequence);
    // The UPDATE locks the row until commit: concurrent allocations of the same sequence queue here.
    int updated = jdbc.update("UPDATE registry_code_sequence SET next_value = next_value + 1 WHERE name = :name", name);
    if (updated != 1) {
      throw new IllegalStateException("编码序列不存在：" + sequence);
    }
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT next_value - 1 AS allocated, max_value FROM registry_code_sequence WHERE name = :name", name);
    long allocated = ((Number) row.get("allocated")).longValue();
    long max = ((Number) row.get("max_value")).longValue();
    if (allocated > max) {
      throw new CodeSpaceExhaustedException(description + "已用尽，无法赋码；请联系系统管理员。");
    }
    return allocated;
  }

  // --- status -------------------------------------------------------------------------------------------

  private void changeStatus(String filingCode, InstitutionStatus to, Set<InstitutionStatus> from, String reason,
      LocalDate rectificationDeadline) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("状态变更须说明理由");
    }
    InstitutionStatus stored = lockStatus(filingCode);
    if (!from.contains(stored)) {
      throw new IllegalStateException("评价机构 " + filingCode + " 当前状态为“" + stored.label()
          + "”，不能变更为“" + to.label() + "”");
    }
    jdbc.update(
        "UPDATE registry_institution SET status = :to, rectification_deadline = :deadline WHERE filing_code = :code",
        new MapSqlParameterSource("to", to.name()).addValue("deadline", rectificationDeadline).addValue("code", filingCode));
    recordChange(filingCode, stored, to, reason, rectificationDeadline);
  }

  /** The stored status, with the row locked until the transaction ends (status changes never interleave). */
  private InstitutionStatus lockStatus(String filingCode) {
    List<String> status = jdbc.queryForList(
        "SELECT status FROM registry_institution WHERE filing_code = :code FOR UPDATE",
        new MapSqlParameterSource("code", filingCode), String.class);
    if (status.isEmpty()) {
      throw new InstitutionNotFoundException(filingCode);
    }
    return InstitutionStatus.valueOf(status.get(0));
  }

  private void retire(String filingCode, String reason) {
    if (!isRetired(filingCode)) {
      jdbc.update("INSERT INTO registry_retired_code (filing_code, retired_at, reason) VALUES (:code, :now, :reason)",
          new MapSqlParameterSource("code", filingCode).addValue("now", now()).addValue("reason", reason));
    }
  }

  private void recordChange(String filingCode, InstitutionStatus from, InstitutionStatus to, String reason,
      LocalDate rectificationDeadline) {
    jdbc.update(
        "INSERT INTO registry_status_change (filing_code, from_status, to_status, reason, rectification_deadline, changed_at)"
            + " VALUES (:code, :from, :to, :reason, :deadline, :now)",
        new MapSqlParameterSource("code", filingCode)
            .addValue("from", from == null ? null : from.name())
            .addValue("to", to.name())
            .addValue("reason", reason)
            .addValue("deadline", rectificationDeadline)
            .addValue("now", now()));
  }

  // --- validation ---------------------------------------------------------------------------------------

  private static void validate(NewInstitution n) {
    List<String> problems = new ArrayList<>();
    if (n.type() == null) {
      problems.add("缺少机构类别");
    }
    if (!hasText(n.name())) {
      problems.add("缺少机构名称");
    }
    if (n.creditCode() != null && !CreditCodes.isValid(n.creditCode())) {
      problems.add("统一社会信用代码无效：" + n.creditCode());
    }
    if (n.parentFilingCode() == null && n.creditCode() == null) {
      problems.add("缺少统一社会信用代码");
    }
    if (!Provinces.isValid(n.province())) {
      problems.add("省级代码无效：" + n.province());
    }
    // 人社鉴发〔2019〕2号 Annex 1 §二(二): only national employers and social organisations are filed first with the ministry.
    if (Boolean.FALSE.equals(n.ministryFiled()) && n.type() == InstitutionType.NATIONAL_EMPLOYER) {
      problems.add("全国性用人单位先行向人力资源社会保障部备案（002 附件1 §一）");
    }
    if (Boolean.TRUE.equals(n.ministryFiled()) && n.type() == InstitutionType.PROVINCIAL_EMPLOYER) {
      problems.add("省辖用人单位向省级人力资源社会保障部门备案，评价机构代码为 0000（001 人社鉴发〔2019〕3号 §二）");
    }
    if (n.cityCode() != null && !CityCodes.isValid(n.province(), n.cityCode())) {
      problems.add("市级代码 " + n.cityCode() + " 不在"
          + (Provinces.isValid(n.province()) ? Provinces.name(n.province()) : "该省") + "的省直和市级代码表中");
    }
    for (OccupationScope o : n.occupations()) {
      if (!OccupationCodes.isValid(o.code())) {
        problems.add("职业编码格式应为 d-dd-dd-dd：" + o.code());
      }
      if (!hasText(o.name())) {
        problems.add("缺少职业名称：" + o.code());
      }
      if (o.levels().isEmpty() || !o.levels().stream().allMatch(OccupationCodes::isValidLevel)) {
        problems.add("职业技能等级应为 1-5：" + o.code());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
  }

  private static void checkParent(Institution parent, InstitutionType siteType) {
    // A branch (site) rests on its institution's filing: national employers filed with the ministry (002 Annex 1
    // §一(十)5), social organisations filed with the ministry (人社鉴发〔2019〕2号 表 2 note) and, issue 19 item 9,
    // provincial employers filed with their province (人社鉴发〔2019〕3号 §二 with §一5; their code keeps 0000,
    // 人社鉴发〔2019〕2号 Annex 1 §二(二)); a site of the same kind, never of a site.
    boolean ministryFiled = FilingCode.parse(parent.filingCode()).ministryFiled();
    boolean filedWhereItMust = siteType == InstitutionType.PROVINCIAL_EMPLOYER ? !ministryFiled : ministryFiled;
    if (parent.isBranch() || !filedWhereItMust || parent.type() != siteType) {
      throw new IllegalStateException("备案编码 " + parent.filingCode()
          + " 不是已备案的用人单位或部级备案的社会培训评价组织，不能在其下备案分支机构（站点）");
    }
    if (parent.status() == InstitutionStatus.TERMINATED || parent.status() == InstitutionStatus.EXPIRED) {
      throw new IllegalStateException("用人单位 " + parent.filingCode() + " 的备案状态为“" + parent.status().label()
          + "”，不能为其分支机构备案");
    }
  }

  // --- reading ------------------------------------------------------------------------------------------

  private List<Institution> load(String sql, MapSqlParameterSource params) {
    List<Row> rows = jdbc.query(sql, params, (rs, i) -> row(rs));
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<OccupationScope>> occupations = occupationsOf(rows.stream().map(Row::filingCode).toList());
    LocalDate today = today();
    return rows.stream().map(r -> r.toInstitution(occupations.getOrDefault(r.filingCode(), List.of()), today)).toList();
  }

  private Map<String, List<OccupationScope>> occupationsOf(Collection<String> codes) {
    Map<String, List<OccupationScope>> result = new LinkedHashMap<>();
    jdbc.query(
        "SELECT filing_code, occupation_code, occupation_name, track, levels FROM registry_institution_occupation"
            + " WHERE filing_code IN (:codes) ORDER BY filing_code, item_no",
        new MapSqlParameterSource("codes", codes),
        rs -> {
          List<Integer> levels = Arrays.stream(rs.getString("levels").split(","))
              .filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
          result.computeIfAbsent(rs.getString("filing_code"), k -> new ArrayList<>()).add(new OccupationScope(
              rs.getString("occupation_code"), rs.getString("occupation_name"), rs.getString("track"), levels));
        });
    return result;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("filing_code"),
        InstitutionType.valueOf(rs.getString("institution_type")),
        rs.getString("name"),
        rs.getString("credit_code"),
        rs.getString("province"),
        rs.getString("address"),
        rs.getString("contact_email"),
        rs.getString("application_no"),
        rs.getString("parent_filing_code"),
        InstitutionStatus.valueOf(rs.getString("status")),
        localDate(rs, "filed_on"),
        localDate(rs, "valid_until"),
        localDate(rs, "rectification_deadline"),
        rs.getString("termination_kind") == null ? null : TerminationKind.valueOf(rs.getString("termination_kind")),
        rs.getTimestamp("reported_upwards_at") == null ? null : rs.getTimestamp("reported_upwards_at").toInstant());
  }

  private record Row(String filingCode, InstitutionType type, String name, String creditCode, String province,
      String address, String contactEmail, String applicationNo, String parentFilingCode, InstitutionStatus status,
      LocalDate filedOn, LocalDate validUntil, LocalDate rectificationDeadline, TerminationKind terminationKind,
      java.time.Instant reportedUpwardsAt) {

    Institution toInstitution(List<OccupationScope> occupations, LocalDate today) {
      // 004 Art. 23 / Zhejiang supervision Art. 21(7): past its validity the filing lapses (EXPIRED) unless
      // it was terminated, which stays the stronger fact.
      InstitutionStatus effective = status != InstitutionStatus.TERMINATED && validUntil.isBefore(today)
          ? InstitutionStatus.EXPIRED : status;
      return new Institution(filingCode, type, name, creditCode, province, address, contactEmail, applicationNo,
          occupations, parentFilingCode, filedOn, validUntil, effective,
          status == InstitutionStatus.SUSPENDED ? rectificationDeadline : null,
          effective == InstitutionStatus.EXPIRED ? TerminationKind.LAPSED : terminationKind, reportedUpwardsAt);
    }
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private boolean exists(String countSql, String value) {
    String param = countSql.contains(":prefix") ? "prefix" : "code";
    Long count = jdbc.queryForObject(countSql, new MapSqlParameterSource(param, value), Long.class);
    return count != null && count > 0;
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
