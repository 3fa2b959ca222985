package cn.hrss.assessment.discipline;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.notification.NotificationService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/discipline/cases/{caseNo}} answers, built once for the API and the party's status page
 * ({@code /case-status}): the party sees its case; officers also see who decided and the notices sent.
 */
@Component
class DisciplineCaseViews {

  private final DisciplineCaseService service;
  private final ViolationCatalog catalog;
  private final DisciplineArchive archive;
  private final NotificationService notifications;
  private final WorkingDays workingDays;

  DisciplineCaseViews(DisciplineCaseService service, ViolationCatalog catalog, DisciplineArchive archive,
      NotificationService notifications, WorkingDays workingDays) {
    this.service = service;
    this.catalog = catalog;
    this.archive = archive;
    this.notifications = notifications;
    this.workingDays = workingDays;
  }

  /**
   * The party's view of its case, or empty when the number is unknown or the token is not that case's: the
   * caller cannot tell which (the token check is constant-time and needs no lookup).
   */
  Optional<Map<String, Object>> forParty(String caseNo, String token) {
    if (caseNo == null || !service.tokenMatches(caseNo, token)) {
      return Optional.empty();
    }
    return service.find(caseNo).map(c -> of(c, false));
  }

  Map<String, Object> of(DisciplineCase c, boolean officer) {
    String caseNo = c.caseNo();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNo", c.caseNo());
    body.put("status", c.status().name());
    body.put("stage", c.status().label());
    body.put("partyType", c.partyType().name());
    body.put("source", c.source().name());
    Map<String, Object> party = new LinkedHashMap<>();
    party.put("name", c.partyName());
    party.put("idNumberMasked", c.partyIdMasked());
    party.put("filingCode", c.partyFilingCode());
    party.put("staffRole", c.staffRole() == null ? null : c.staffRole().name());
    body.put("party", party);
    body.put("institutionFilingCode", c.institutionFilingCode());
    body.put("facts", c.facts());
    body.put("assessmentDate", c.assessmentDate());
    if (c.violationArticle() != null) {
      Map<String, Object> determination = new LinkedHashMap<>();
      determination.put("violationArticle", c.violationArticle());
      determination.put("violationItem", c.violationItem());
      determination.put("severity", c.severity());
      determination.put("findings", c.findings());
      determination.put("reasons", catalog.reasons(c.violationArticle(), c.violationItem()));
      determination.put("certificatesIssued", c.certificatesIssued());
      body.put("determination", determination);
    }
    body.put("proposedSanctions", sanctions(c.proposedSanctions()));
    body.put("proposedDiscretionarySanctions", sanctions(c.proposedDiscretionary()));
    body.put("finalSanctions", c.finalSanctions() == null ? null : sanctions(c.finalSanctions()));
    // The discretionary sanctions imposed (also in finalSanctions), each with the reason given.
    body.put("discretionarySanctions", DiscretionarySanctions.fromJson(c.discretionarySanctions()).stream()
        .map(choice -> Map.of("code", choice.code(), "name", catalog.sanctionNames(choice.code()).get(0),
            "reason", choice.reason()))
        .toList());
    body.put("penaltyBasis", c.penaltyBasis());
    body.put("referralAuthority", c.referralAuthority());
    body.put("reviewOutcome", c.reviewOutcome());
    Map<String, Object> deadlines = new LinkedHashMap<>();
    deadlines.put(DisciplineDeadlines.STATEMENT, c.statementDeadline());
    deadlines.put(DisciplineDeadlines.APPEAL, c.appealDeadline());
    deadlines.put(DisciplineDeadlines.RECTIFICATION, service.sanctions(caseNo).stream()
        .filter(s -> s.undoneAt() == null && DisciplineDeadlines.SUSPENSION.equals(s.code()) && s.until() != null)
        .map(s -> s.until().atTime(23, 59, 59).atZone(DisciplineCaseService.ZONE).toInstant())
        .findFirst().orElse(null));
    body.put("deadlines", deadlines);
    // CONTRACT.md: the deadline fields computed on a provisional year (DOMAIN.md §6).
    body.put("provisionalDeadlines", deadlines.entrySet().stream()
        .filter(e -> workingDays.isProvisional(e.getValue())).map(Map.Entry::getKey).toList());
    body.put("documents", archive.entriesOf(caseNo).stream()
        .filter(e -> !e.channel().equals("INTERNAL"))
        .map(e -> Map.of("kind", e.kind(), "title", e.title(), "channel", e.channel(), "servedAt", (Object) e.recordedAt()))
        .toList());
    body.put("executedSanctions", service.sanctions(caseNo).stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", s.code());
      m.put("name", catalog.sanctionNames(s.code()).get(0));
      m.put("until", s.until());
      m.put("executedAt", s.executedAt());
      m.put("undoneAt", s.undoneAt());
      return m;
    }).toList());
    body.put("statements", service.submissions(caseNo, "STATEMENT"));
    body.put("appeals", service.submissions(caseNo, "APPEAL"));
    if (officer) {
      body.put("decidedBy", c.decidedBy());
      body.put("notices", notifications.noticesFor(caseNo));
    }
    return body;
  }

  private List<Map<String, String>> sanctions(String codes) {
    return SanctionExecution.codes(codes).stream()
        .map(code -> Map.of("code", code, "name", catalog.sanctionNames(code).get(0))).toList();
  }
}
