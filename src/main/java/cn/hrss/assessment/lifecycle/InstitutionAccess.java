package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.calendar.CalendarProperties;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who may act for a filed institution (CONTRACT.md "After filing"): the holder of the {@code accessToken} of the
 * application that filed it. The token is checked by {@link FilingService#tokenMatches} (stored hashed, compared in
 * constant time); a branch acts with its employer's application token (it was filed by that application).
 * Public for the institution's other requests (the defence of a supervision).
 */
@Component
public class InstitutionAccess {

  private final InstitutionRegistry registry;
  private final FilingService filings;
  private final ZoneId zone;

  InstitutionAccess(InstitutionRegistry registry, FilingService filings, CalendarProperties calendar) {
    this.registry = registry;
    this.filings = filings;
    this.zone = calendar.zone();
  }

  /** The institution, or 404. */
  public Institution require(String filingCode) {
    if (filingCode == null || filingCode.length() > 13 || PlainText.hasControlCharacters(filingCode)) {
      throw notFound(filingCode);
    }
    return registry.findByFilingCode(filingCode).orElseThrow(() -> notFound(filingCode));
  }

  /** The institution if the request carries the token of the application that filed it: 401 without, 403 wrong. */
  public Institution requireToken(String filingCode, HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiProblem.unauthorized("请以备案申请时获得的查询令牌（Authorization: Bearer）办理。");
    }
    Institution institution = require(filingCode);
    if (!tokenMatches(institution, header.substring(7).trim())) {
      throw ApiProblem.forbidden("令牌与备案编码 " + filingCode + " 不符。");
    }
    return institution;
  }

  /** Whether {@code token} is that of the application that filed the institution (the institution's area signs in with it). */
  public boolean tokenMatches(Institution institution, String token) {
    String applicationNo = filingApplicationNo(institution);
    return applicationNo != null && token != null && filings.tokenMatches(applicationNo, token);
  }

  /** The application that filed the institution (a branch's: its employer's application). */
  static String filingApplicationNo(Institution institution) {
    String no = institution.applicationNo();
    if (no == null) {
      return null;
    }
    int branch = no.lastIndexOf("-B");
    return branch > 0 ? no.substring(0, branch) : no;
  }

  public LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  private static ApiProblem notFound(String filingCode) {
    return ApiProblem.notFound("备案编码 " + filingCode + " 不存在。");
  }
}
