package cn.hrss.assessment.discipline;

import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 002 Annex 2 Art. 14(6): "已被警告，整改后再次违反本指引第十三条规定的" — whether the case's institution was warned under
 * Art. 13 in an earlier case and its rectification is over (deadline passed, or suspension lifted early).
 */
interface PriorWarnings {

  boolean warnedAndRectified(String caseNo);

  @Component
  class Recorded implements PriorWarnings {
    private final DisciplineCaseRepository cases;
    private final InstitutionRegistry registry;

    Recorded(DisciplineCaseRepository cases, InstitutionRegistry registry) {
      this.cases = cases;
      this.registry = registry;
    }

    @Override
    public boolean warnedAndRectified(String caseNo) {
      DisciplineCase c = cases.find(caseNo).orElse(null);
      if (c == null || c.partyType() != PartyType.INSTITUTION || c.partyFilingCode() == null) {
        return false;
      }
      boolean reinstated = registry.findByFilingCode(c.partyFilingCode())
          .map(i -> i.status() == InstitutionStatus.ACTIVE).orElse(false);
      LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(DisciplineCaseService.ZONE).toLocalDate();
      return cases.hasRectifiedArticle13Warning(c.partyFilingCode(), caseNo, today, reinstated);
    }
  }
}
