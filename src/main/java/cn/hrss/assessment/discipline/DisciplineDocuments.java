package cn.hrss.assessment.discipline;

import cn.hrss.assessment.notification.Notice;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The documents of a case (002 Annex 2 Art. 17, 19): notice of intent (处理告知书), decision letter (处理决定书),
 * review decision letter (复核决定书), notice that the case is dropped. Each is archived (Art. 20) and served by email
 * or, without an address, announced on the public page (公告).
 */
@Component
class DisciplineDocuments {

  /** Kinds of documents: mail template and title. */
  enum Kind {
    NOTICE_OF_INTENT("discipline-notice-of-intent", "违纪违规行为处理告知书"),
    DECISION("discipline-decision", "违纪违规行为处理决定书"),
    REVIEW_DECISION("discipline-review-decision", "违纪违规行为复核决定书"),
    DROP_NOTICE("discipline-drop-notice", "不予处理告知书");

    final String template;
    final String title;

    Kind(String template, String title) {
      this.template = template;
      this.title = title;
    }
  }

  private final DisciplineCaseRepository cases;
  private final ViolationCatalog catalog;
  private final DisciplineArchive archive;
  private final NotificationService notifications;
  private final InstitutionRegistry registry;
  private final IdNumberProtector ids;
  private final DisciplineProperties properties;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  DisciplineDocuments(DisciplineCaseRepository cases, ViolationCatalog catalog, DisciplineArchive archive,
      NotificationService notifications, InstitutionRegistry registry, IdNumberProtector ids,
      DisciplineProperties properties, ObjectMapper json, @Value("${assessment.public-base-url}") String publicBaseUrl) {
    this.cases = cases;
    this.catalog = catalog;
    this.archive = archive;
    this.notifications = notifications;
    this.registry = registry;
    this.ids = ids;
    this.properties = properties;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * Archives and serves a document. {@code announce}: the party has no address, the document goes to the public
   * announcements page. Copies go to the party's institution (candidates and staff) and, for a staff case decided
   * by an institution, to the supervising department (Art. 16 para. 2).
   */
  void serve(String caseNo, Kind kind, boolean announce, Map<String, Object> extra) {
    DisciplineCase c = cases.get(caseNo);
    Map<String, Object> model = model(c, kind, extra);
    int serial = (int) archive.entriesOf(caseNo).stream().filter(e -> e.kind().equals(kind.name())).count() + 1;
    String channel = announce ? "ANNOUNCEMENT" : c.partyEmail() != null ? "EMAIL" : "NONE";
    archive.append(caseNo, kind.name(), channel, kind.title, toJson(model));

    String keyBase = caseNo + ":" + kind.name() + ":" + serial;
    if (!announce && c.partyEmail() != null) {
      Map<String, Object> partyModel = new LinkedHashMap<>(model);
      // How to answer (Art. 17): the party's bearer token for the API; never archived, only mailed.
      partyModel.put("accessToken", ids.accessToken(caseNo));
      notifications.send(new Notice(keyBase + ":party", caseNo, kind.template, List.of(c.partyEmail()), partyModel));
    }
    List<String> copies = new ArrayList<>();
    if (c.partyType() != PartyType.INSTITUTION && c.institutionFilingCode() != null) {
      registry.findByFilingCode(c.institutionFilingCode()).map(Institution::contactEmail)
          .filter(e -> e != null && !e.isBlank()).ifPresent(copies::add);
    }
    if (kind == Kind.DECISION && c.partyType() == PartyType.STAFF && c.institutionFilingCode() != null
        && properties.supervisorEmail() != null && !properties.supervisorEmail().isBlank()) {
      copies.add(properties.supervisorEmail()); // 002 Annex 2 Art. 16: 评价机构应同时向评价机构监管部门报备处理情况
    }
    if (!copies.isEmpty()) {
      Map<String, Object> copyModel = new LinkedHashMap<>(model);
      copyModel.put("copy", true);
      notifications.send(new Notice(keyBase + ":copy", caseNo, kind.template, copies.stream().distinct().toList(), copyModel));
    }
  }

  Map<String, Object> model(DisciplineCase c, Kind kind, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documentTitle", kind.title);
    m.put("caseNo", c.caseNo());
    m.put("partyName", c.partyName());
    m.put("partyTypeLabel", c.partyType().label());
    if (c.staffRole() != null) {
      m.put("staffRoleLabel", c.staffRole().label());
    }
    if (c.partyIdMasked() != null) {
      m.put("partyIdMasked", c.partyIdMasked());
    }
    if (c.partyFilingCode() != null) {
      m.put("partyFilingCode", c.partyFilingCode());
    }
    m.put("facts", c.findings() != null ? c.findings() : c.facts());
    if (c.assessmentDate() != null) {
      m.put("assessmentDate", c.assessmentDate());
    }
    if (c.violationArticle() != null) {
      m.put("violationArticle", c.violationArticle());
      m.put("violationItem", c.violationItem());
      m.put("severityLabel", "SERIOUS".equals(c.severity()) ? "情节严重" : "MINOR".equals(c.severity()) ? "情节轻微" : null);
      m.put("reasons", catalog.reasons(c.violationArticle(), c.violationItem()));
      m.put("legalBasis", catalog.source() + "第" + chineseNumber(c.violationArticle()) + "条"
          + itemLabel(c.violationArticle(), c.violationItem()));
    }
    String sanctions = kind == Kind.NOTICE_OF_INTENT ? c.proposedSanctions()
        : c.finalSanctions() != null ? c.finalSanctions() : c.proposedSanctions();
    m.put("sanctions", catalog.sanctionNames(sanctions));
    m.put("sanctionCodes", sanctions == null ? "" : sanctions);
    if (kind == Kind.NOTICE_OF_INTENT) {
      // Art. 17: the intended decision includes what may be imposed at discretion (视情况/视情节).
      m.put("discretionaryOptions", catalog.sanctionNames(c.proposedDiscretionary()));
    } else {
      // The discretionary sanctions imposed, each with the officer's reason (already among "sanctions").
      m.put("discretionarySanctions", DiscretionarySanctions.fromJson(c.discretionarySanctions()).stream()
          .map(choice -> Map.of("code", choice.code(), "name", catalog.sanctionNames(choice.code()).get(0),
              "reason", choice.reason()))
          .toList());
      if (c.referralAuthority() != null && SanctionExecution.codes(c.finalSanctions()).contains("REFERRAL")) {
        m.put("referralAuthority", switch (c.referralAuthority()) {
          case "DISCIPLINE_COMMISSION" -> "纪检监察机关";
          case "POLICE" -> "公安机关";
          default -> "其他有关部门";
        });
      }
      if (c.penaltyBasis() != null) {
        m.put("penaltyBasis", c.penaltyBasis()); // 002 Annex 2 Art. 15 para. 2: 依据相关规定进行处罚
      }
    }
    if (c.certificatesIssued() != null) {
      m.put("certificatesIssued", c.certificatesIssued()); // 002 Annex 2 Art. 8
    }
    if (c.authorityReference() != null) {
      m.put("authorityReference", c.authorityReference()); // 002 Annex 2 Art. 18
    }
    m.put("caseUrl", publicBaseUrl + "/api/discipline/cases/" + c.caseNo());
    m.put("caseStatusUrl", publicBaseUrl + "/case-status"); // the party's case page (case number + token)
    m.put("statementUrl", publicBaseUrl + "/api/discipline/cases/" + c.caseNo() + "/statements");
    m.put("appealUrl", publicBaseUrl + "/api/discipline/cases/" + c.caseNo() + "/appeals");
    m.put("issuedOn", LocalDate.ofInstant(Instant.ofEpochMilli(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()),
        DisciplineCaseService.ZONE));
    extra.forEach((k, v) -> {
      if (v != null) {
        m.put(k, v);
      }
    });
    return m;
  }

  /** 5 → 五, 12 → 十二 (article numbers of the regulation are written in Chinese numerals). */
  static String chineseNumber(int n) {
    String digits = "〇一二三四五六七八九";
    if (n < 10) {
      return String.valueOf(digits.charAt(n));
    }
    return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
  }

  private static String itemLabel(int article, int item) {
    if (article == 8) {
      return "（依照第" + chineseNumber(item) + "条）";
    }
    if (article == 11) {
      return "";
    }
    return "第（" + "一二三四五六七八".charAt(item - 1) + "）项";
  }

  private String toJson(Map<String, Object> model) {
    try {
      return json.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
