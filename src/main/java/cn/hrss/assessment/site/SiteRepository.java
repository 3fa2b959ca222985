package cn.hrss.assessment.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The site requests of table {@code site_application} (V120). */
@Repository
class SiteRepository {

  /** The site number: {@code ZD} + the row id, 8 digits (the business key of its SiteFilingProcess). */
  static String siteNo(long id) {
    return String.format("ZD%08d", id);
  }

  static Optional<Long> idOf(String siteNo) {
    if (siteNo == null || !siteNo.matches("ZD\\d{8,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(siteNo.substring(2)));
  }

  record SiteRow(long id, String parentFilingCode, String name, String province, String cityCode, String address,
      String contactName, String contactPhone, String contactEmail, String status, String siteFilingCode,
      String decisionComment, Instant submittedAt) {
    String siteNo() {
      return SiteRepository.siteNo(id);
    }
  }

  private static final String SELECT = "SELECT id, parent_filing_code, name, province, city_code, address, contact_name,"
      + " contact_phone, contact_email, status, site_filing_code, decision_comment, submitted_at FROM site_application";

  private final NamedParameterJdbcTemplate jdbc;

  SiteRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String parentFilingCode, String name, SiteService.SiteRequest request) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO site_application (parent_filing_code, name, province, city_code, address, contact_name,"
        + " contact_phone, contact_email, status, submitted_at) VALUES (:parent, :name, :province, :city, :address,"
        + " :contactName, :contactPhone, :contactEmail, 'PENDING', :now)",
        new MapSqlParameterSource("parent", parentFilingCode).addValue("name", name)
            .addValue("province", request.province()).addValue("city", request.cityCode())
            .addValue("address", request.address().strip()).addValue("contactName", request.contact().name().strip())
            .addValue("contactPhone", request.contact().phone().strip())
            .addValue("contactEmail", request.contact().email().strip()).addValue("now", now()),
        key, new String[] {"id"});
    return key.getKey().longValue();
  }

  Optional<SiteRow> find(String siteNo) {
    return idOf(siteNo).flatMap(id -> jdbc.query(SELECT + " WHERE id = :id", new MapSqlParameterSource("id", id),
        (rs, i) -> row(rs)).stream().findFirst());
  }

  List<SiteRow> of(String parentFilingCode) {
    return jdbc.query(SELECT + " WHERE parent_filing_code = :parent ORDER BY id",
        new MapSqlParameterSource("parent", parentFilingCode), (rs, i) -> row(rs));
  }

  void confirm(long id, String siteFilingCode) {
    jdbc.update("UPDATE site_application SET status = 'CONFIRMED', site_filing_code = :code, decided_at = :now"
        + " WHERE id = :id AND status = 'PENDING'",
        new MapSqlParameterSource("id", id).addValue("code", siteFilingCode).addValue("now", now()));
  }

  void reject(long id, String comment) {
    jdbc.update("UPDATE site_application SET status = 'REJECTED', decision_comment = :comment, decided_at = :now"
        + " WHERE id = :id AND status = 'PENDING'",
        new MapSqlParameterSource("id", id).addValue("comment", comment).addValue("now", now()));
  }

  private static SiteRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SiteRow(rs.getLong("id"), rs.getString("parent_filing_code"), rs.getString("name"),
        rs.getString("province"), rs.getString("city_code"), rs.getString("address"), rs.getString("contact_name"),
        rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("status"),
        rs.getString("site_filing_code"), rs.getString("decision_comment"),
        rs.getTimestamp("submitted_at").toInstant());
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
