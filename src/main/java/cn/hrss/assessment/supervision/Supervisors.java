package cn.hrss.assessment.supervision;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.codes.SupervisorCardCodes;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质量督导员库 (001 督导规程 Art. 7, 8): supervisors with their card codes (附件1 编码规则), the Camunda user who works
 * their tasks (group {@code supervisors}) and their employer, whose institutions they may not supervise (Art. 16 回避).
 */
@Service
public class Supervisors {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}$");

  /** {@code POST /api/supervisors}. */
  public record SupervisorRequest(String cardCode, String name, String userId, String email, String employerCreditCode,
      String province) {}

  public record Supervisor(String cardCode, String userId, String name, String email, String employerCreditCode,
      String province, Instant createdAt) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  Supervisors(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** Checks and adds a supervisor: invalid → 400 with field errors, a card code or user already in the pool → 409. */
  @Transactional
  public Supervisor register(SupervisorRequest request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request == null) {
      throw ApiProblem.invalid("body", "必填");
    }
    String cardCode = strip(request.cardCode()).toUpperCase(Locale.ROOT);
    // 001 人社职司便函〔2020〕53号 附件1: R + issuer + year + serial (外督), H/Y/S + issuer + year + serial (内督)
    SupervisorCardCodes.problem(cardCode).ifPresent(p -> errors.add(new ApiProblem.FieldError("cardCode", p)));
    String name = strip(request.name());
    if (name.isEmpty()) {
      errors.add(new ApiProblem.FieldError("name", "必填"));
    } else if (name.length() > 50) {
      errors.add(new ApiProblem.FieldError("name", "不得超过 50 个字符"));
    } else if (PlainText.hasControlCharacters(name)) {
      errors.add(new ApiProblem.FieldError("name", PlainText.CONTROL_CHARACTERS));
    }
    String userId = strip(request.userId());
    if (userId.isEmpty()) {
      errors.add(new ApiProblem.FieldError("userId", "必填"));
    } else if (userId.length() > 64 || identity.createUserQuery().userId(userId).count() == 0) {
      errors.add(new ApiProblem.FieldError("userId", "系统中没有用户 " + userId));
    } else if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.SUPERVISORS).count() == 0) {
      // the tasks of QualitySupervisionProcess are for group supervisors (CONTRACT.md)
      errors.add(new ApiProblem.FieldError("userId", "用户 " + userId + " 不在质量督导人员组（supervisors）中"));
    }
    String email = strip(request.email());
    if (email.isEmpty()) {
      errors.add(new ApiProblem.FieldError("email", "必填"));
    } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      errors.add(new ApiProblem.FieldError("email", "电子邮箱格式不正确"));
    }
    String employer = strip(request.employerCreditCode()).toUpperCase(Locale.ROOT);
    if (employer.isEmpty()) {
      errors.add(new ApiProblem.FieldError("employerCreditCode", "必填（工作单位的统一社会信用代码）"));
    } else if (!CreditCodes.isValid(employer)) {
      errors.add(new ApiProblem.FieldError("employerCreditCode", "不是有效的统一社会信用代码（GB 32100-2015，18 位，含校验码）"));
    }
    String province = strip(request.province());
    if (!Provinces.isValid(province)) {
      errors.add(new ApiProblem.FieldError("province", "须为省级行政区划代码（GB/T 2260 前两位，如 41）"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    if (find(cardCode).isPresent()) {
      throw ApiProblem.conflict("证卡编码 " + cardCode + " 已在督导员库中。");
    }
    if (findByUser(userId).isPresent()) {
      throw ApiProblem.conflict("用户 " + userId + " 已在督导员库中。");
    }
    Supervisor supervisor = new Supervisor(cardCode, userId, name, email, employer, province,
        ClockUtil.getCurrentTime().toInstant());
    try {
      insert(supervisor);
    } catch (DuplicateKeyException concurrent) {
      throw ApiProblem.conflict("证卡编码 " + cardCode + " 或用户 " + userId + " 已在督导员库中。");
    }
    return supervisor;
  }

  /** Adds a supervisor as given (demo data); nothing when the card code or user is already in the pool. */
  void ensure(Supervisor supervisor) {
    if (find(supervisor.cardCode()).isEmpty() && findByUser(supervisor.userId()).isEmpty()) {
      insert(supervisor);
    }
  }

  private void insert(Supervisor s) {
    jdbc.update("INSERT INTO supervisor (card_code, user_id, name, email, employer_credit_code, province, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", s.cardCode(), s.userId(), s.name(), s.email(), s.employerCreditCode(),
        s.province(), Timestamp.from(s.createdAt()));
  }

  /** The whole pool, by user id (the order the draw sorts it in). */
  public List<Supervisor> all() {
    return jdbc.query(SELECT + " ORDER BY user_id", MAPPER);
  }

  public Optional<Supervisor> find(String cardCode) {
    return jdbc.query(SELECT + " WHERE card_code = ?", MAPPER, cardCode).stream().findFirst();
  }

  public Optional<Supervisor> findByUser(String userId) {
    return jdbc.query(SELECT + " WHERE user_id = ?", MAPPER, userId).stream().findFirst();
  }

  private static final String SELECT = "SELECT card_code, user_id, name, email, employer_credit_code, province,"
      + " created_at FROM supervisor";
  private static final RowMapper<Supervisor> MAPPER = (rs, n) -> new Supervisor(rs.getString(1), rs.getString(2),
      rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
