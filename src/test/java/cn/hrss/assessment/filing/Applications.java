package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.CreditCodes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Valid sample applications for tests (credit codes with correct GB 32100 check characters). */
public final class Applications {

  static final String SOCIAL_ORG_CODE = "52410000MJ0000005N";
  static final String EMPLOYER_CODE = "91110000MA0000004X";
  static final String BRANCH_HENAN_CODE = "91410100MA0000006D";
  static final String BRANCH_ZHEJIANG_CODE = "91330100MA0000003M";
  static final String PROVINCIAL_CODE = "91410100MA00000021";

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  /** A social organisation's credit code with its GB 32100 check character, a new one at every call. */
  public static String freshSocialOrgCode() {
    String first17 = String.format("52410000MJ%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  /**
   * The multipart body of {@code POST /api/filings} as a portal sends it: part {@code application} (JSON) and one
   * part {@code files} per material (file name → content).
   */
  public static HttpEntity<MultiValueMap<String, Object>> multipart(ObjectMapper json, FilingApplication application,
      Map<String, byte[]> files) {
    // An application without a materials list gets one naming the first file for every required item (issue 19
    // item 3: each file is tagged with its items of the guidance's list); tests of the tagging give their own list.
    if (application != null && application.materials().isEmpty() && !files.isEmpty()) {
      application = tagged(application, files.keySet().iterator().next());
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    try {
      parts.add("application", new HttpEntity<>(json.writeValueAsString(application), jsonPart));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    files.forEach((name, content) -> parts.add("files", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  public static FilingApplication.Declarations allTrue() {
    return new FilingApplication.Declarations(true, true, true, true, true, true);
  }

  /** Every condition of the type answered yes (issue 19 item 1). */
  public static Map<String, Boolean> conditionsMet(String institutionType) {
    Map<String, Boolean> conditions = new java.util.LinkedHashMap<>();
    IntakeChecklist.conditions(institutionType).forEach(i -> conditions.put(i.id(), true));
    return conditions;
  }

  /** The application with its conditions met and {@code fileName} named for every item its type requires. */
  public static FilingApplication tagged(FilingApplication application, String fileName) {
    List<FilingApplication.MaterialRef> refs = new java.util.ArrayList<>();
    for (MaterialChecklist.Item item : MaterialChecklist.forType(application.institutionType())) {
      if (item.required() || item.number() == 4 && !application.branches().isEmpty()
          && !"SOCIAL_ORG".equals(application.institutionType())) {
        refs.add(new FilingApplication.MaterialRef(item.number(), fileName));
      }
    }
    return application.with(application.conditions().isEmpty() ? conditionsMet(application.institutionType())
        : application.conditions(), refs);
  }

  /**
   * The completion of 受理审查 that accepts: every item of every type's checklist confirmed (issue 19 items 1-2) and
   * the phone call recorded (item 11); the rule reads only the items of the case's type.
   */
  public static Map<String, Object> acceptance() {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("acceptanceDecision", "ACCEPT");
    IntakeChecklist.ITEMS.forEach(i -> variables.put(i.confirmKey(), true));
    variables.putAll(phoneCall());
    return variables;
  }

  /** The approval of 备案决定, with the phone call a national employer is told by (002 Annex 1 §一(十四)). */
  public static Map<String, Object> approval() {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("filingDecision", "APPROVE");
    variables.putAll(phoneCall());
    return variables;
  }

  /** A phone call (issue 19 item 11) made ten minutes before the engine's now. */
  public static Map<String, Object> phoneCall() {
    java.time.OffsetDateTime at = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime().minusMinutes(10)
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return Map.of("phoneCallAt", at.toString(), "phoneCallOutcome", "INFORMED");
  }

  /** The labels of the officer's checklist boxes on 受理审查 for a type, as Form_ReviewCompleteness shows them. */
  public static List<String> checklistLabels(String institutionType) {
    return IntakeChecklist.forType(institutionType).stream().map(i -> "已核对："
        + (i.kind() == IntakeChecklist.Kind.PROHIBITION ? "【禁止性规定】" : "") + i.text() + "（" + i.source() + "）").toList();
  }

  /** A social organisation: a 社会团体 for a 51 code, else a 民办非企业单位 (52), as GB 32100-2015 Table 1 says. */
  public static FilingApplication socialOrg(String creditCode) {
    return new FilingApplication("SOCIAL_ORG", "河南省数控技能培训协会", creditCode,
        creditCode.startsWith("51") ? "ASSOCIATION" : "PRIVATE_NON_ENTERPRISE", "王五", "41",
        "郑州市金水区花园路 1 号", new FilingApplication.Contact("李四", "0371-12345678", "apply@social.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(), allTrue(),
        conditionsMet("SOCIAL_ORG"), null);
  }

  /**
   * A national social organisation (社会团体 registered with 民政部: credit code 51 100000 …, GB 32100-2015 §4) with its
   * seat in {@code province}, filed first with the ministry (issue 19 item 10).
   */
  public static FilingApplication ministrySocialOrg(String province) {
    String first17 = String.format("51100000MJ%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    FilingApplication a = socialOrg(first17 + CreditCodes.checkCharacter(first17));
    return new FilingApplication(a.institutionType(), "中国示例技能培训评价协会", a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), province, "北京市东城区示例胡同 2 号", a.contact(), a.occupations(), a.branches(),
        a.declarations(), null, List.of(), a.conditions(), null, null, FilingApplication.MINISTRY);
  }

  public static FilingApplication socialOrg() {
    return socialOrg(SOCIAL_ORG_CODE);
  }

  public static FilingApplication nationalEmployer() {
    return nationalEmployer(EMPLOYER_CODE);
  }

  public static FilingApplication nationalEmployer(String creditCode) {
    return new FilingApplication("NATIONAL_EMPLOYER", "中国示例装备集团有限公司", creditCode, "ENTERPRISE", "赵六", "11",
        "北京市西城区示例路 8 号", new FilingApplication.Contact("钱七", "010-87654321", "hr@group.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", null, List.of(5, 4, 3, 2))),
        List.of(new FilingApplication.Branch("中国示例装备集团郑州分公司", BRANCH_HENAN_CODE, "41", "郑州市中原区 9 号",
                "zz@group.example.cn"),
            new FilingApplication.Branch("中国示例装备集团杭州分公司", BRANCH_ZHEJIANG_CODE, "33", "杭州市西湖区 10 号",
                "hz@group.example.cn")),
        allTrue(), conditionsMet("NATIONAL_EMPLOYER"), null);
  }

  public static FilingApplication provincialEmployer() {
    return provincialEmployer(PROVINCIAL_CODE);
  }

  public static FilingApplication provincialEmployer(String creditCode) {
    return new FilingApplication("PROVINCIAL_EMPLOYER", "郑州示例机床有限公司", creditCode, "ENTERPRISE", "孙八", "41",
        "郑州市高新区 5 号", new FilingApplication.Contact("周九", "0371-5555", "hr@zzjc.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(), allTrue(),
        conditionsMet("PROVINCIAL_EMPLOYER"), null);
  }

  private Applications() {}
}
