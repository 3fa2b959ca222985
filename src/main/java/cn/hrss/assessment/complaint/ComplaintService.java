package cn.hrss.assessment.complaint;

import cn.hrss.assessment.discipline.CaseIntake;
import cn.hrss.assessment.discipline.DisciplineCaseService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints from the public (004 Art. 28; 浙江 监督管理办法 Art. 17): intake, the complainant's access, and the
 * disciplinary case a verified complaint against a filed institution becomes (002 Annex 2; source COMPLAINT). The
 * complainant's identity stays in the complaint: the case gets the verified facts and the complaint number only.
 */
@Service
public class ComplaintService {

  private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final int CONTENT_MIN = 10;
  static final int CONTENT_MAX = 5000;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ComplaintRepository complaints;
  private final InstitutionRegistry registry;
  private final RuntimeService runtime;
  private final DisciplineCaseService discipline;

  ComplaintService(ComplaintRepository complaints, InstitutionRegistry registry, RuntimeService runtime,
      DisciplineCaseService discipline) {
    this.complaints = complaints;
    this.registry = registry;
    this.runtime = runtime;
    this.discipline = discipline;
  }

  /** The complaint's number and the complainant's token (shown once; only its hash is kept). */
  public record Received(String complaintNo, String accessToken) {}

  /**
   * Validates, stores the complaint and starts {@code ComplaintProcess}, in one transaction; {@code first} runs in it
   * with the answer (for the Idempotency-Key record). Invalid → 400 with field errors, nothing stored.
   */
  @Transactional
  public Received submit(ComplaintSubmission submission, Consumer<Received> first) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    Optional<Institution> institution = check(submission, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    String complaintNo = newComplaintNo();
    String token = newToken();
    Received received = new Received(complaintNo, token);
    first.accept(received);
    String institutionName = institution.map(Institution::name).orElseGet(() -> submission.institutionName().strip());
    complaints.insert(complaintNo, submission, institutionName, hash(token));
    runtime.startProcessInstanceByKey(ComplaintProcess.KEY, complaintNo,
        Map.of(ComplaintProcess.Vars.HAS_FILING_CODE, institution.isPresent()));
    log.info("Complaint {} received about {}", complaintNo, institution.map(Institution::filingCode).orElse("an institution named by the complainant"));
    return received;
  }

  private Optional<Institution> check(ComplaintSubmission s, List<ApiProblem.FieldError> errors) {
    if (s == null) {
      errors.add(new ApiProblem.FieldError("body", "必填"));
      return Optional.empty();
    }
    Optional<Institution> institution = Optional.empty();
    boolean hasCode = s.institutionFilingCode() != null && !s.institutionFilingCode().isBlank();
    boolean hasName = s.institutionName() != null && !s.institutionName().isBlank();
    if (!hasCode && !hasName) {
      errors.add(new ApiProblem.FieldError("institutionFilingCode", "请填写被投诉机构的备案编码或名称"));
    } else if (hasCode) {
      institution = registry.findByFilingCode(s.institutionFilingCode().strip());
      if (institution.isEmpty()) {
        errors.add(new ApiProblem.FieldError("institutionFilingCode", "未找到该备案编码的评价机构（可改填机构名称）"));
      }
    } else if (s.institutionName().strip().length() > 200) {
      errors.add(new ApiProblem.FieldError("institutionName", "不得超过 200 个字符"));
    }
    String content = s.content() == null ? "" : s.content().strip();
    if (content.length() < CONTENT_MIN) {
      errors.add(new ApiProblem.FieldError("content", "请具体说明投诉事项（不少于 " + CONTENT_MIN + " 个字）"));
    } else if (content.length() > CONTENT_MAX) {
      errors.add(new ApiProblem.FieldError("content", "不得超过 " + CONTENT_MAX + " 个字符"));
    }
    for (var field : List.of(Map.entry("content", content), Map.entry("name", nullToEmpty(s.name())),
        Map.entry("contact", nullToEmpty(s.contact())), Map.entry("institutionName", nullToEmpty(s.institutionName())))) {
      if (field.getValue().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        errors.add(new ApiProblem.FieldError(field.getKey(), "含有不允许的控制字符"));
      }
    }
    if (nullToEmpty(s.name()).strip().length() > 50) {
      errors.add(new ApiProblem.FieldError("name", "不得超过 50 个字符"));
    }
    if (nullToEmpty(s.contact()).strip().length() > 100) {
      errors.add(new ApiProblem.FieldError("contact", "不得超过 100 个字符"));
    }
    String email = nullToEmpty(s.email()).strip();
    if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      errors.add(new ApiProblem.FieldError("email", "电子邮箱格式不正确"));
    }
    return institution;
  }

  Optional<Complaint> find(String complaintNo) {
    return complaints.find(complaintNo);
  }

  /** Whether {@code token} is the complaint's access token; compared in constant time. */
  boolean tokenMatches(String complaintNo, String token) {
    Complaint complaint = complaints.find(complaintNo).orElse(null);
    return complaint != null && token != null && MessageDigest.isEqual(
        complaint.tokenHash().getBytes(StandardCharsets.US_ASCII), hash(token.strip()).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Task_OpenDisciplinaryCase: the verified complaint against a filed institution becomes a disciplinary case
   * (source COMPLAINT, the institution as party, 002 Annex 2 Art. 13 and 14 apply to institutions) with the
   * verified findings as its facts and the complaint number as its link; the complainant is not named in it.
   * Idempotent: a retried job finds the case already linked.
   */
  String openCase(String complaintNo, String findings, String officer) {
    Complaint complaint = complaints.find(complaintNo).orElseThrow();
    if (complaint.caseNo() != null) {
      return complaint.caseNo();
    }
    Institution institution = registry.findByFilingCode(complaint.institutionFilingCode()).orElseThrow();
    String facts = "经核实的投诉事项（投诉编号 " + complaintNo + "）：" + findings;
    CaseIntake intake = new CaseIntake("INSTITUTION", "COMPLAINT",
        new CaseIntake.Party(institution.name(), null, institution.filingCode(), null), institution.contactEmail(),
        facts, null, null, null, null);
    String caseNo = discipline.open(intake, officer == null ? "complaint-verification" : officer).caseNo();
    complaints.linkCase(complaintNo, caseNo);
    log.info("Complaint {} verified: disciplinary case {} opened against {}", complaintNo, caseNo, institution.filingCode());
    return caseNo;
  }

  private String newComplaintNo() {
    // TS (投诉) + year + 6 random digits, as the case numbers.
    for (int attempt = 0; attempt < 20; attempt++) {
      String no = "TS" + Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE)) + "-"
          + String.format("%06d", RANDOM.nextInt(1_000_000));
      if (!complaints.exists(no)) {
        return no;
      }
    }
    throw new IllegalStateException("No free complaint number");
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
