package cn.hrss.assessment.site;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionNotFoundException;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记站点并赋码: the confirmed site enters the registry under its organisation. Its code: positions 1-5 the
 * organisation's (S + the ministry's 0001-9999), 6-7 the site's province, 8-13 the next serial of that province's
 * counter, or with a city code the city's (001 人社鉴发〔2019〕2号 Annex 1 §二(二)-(四); 豫职鉴〔2020〕2号 §二(四)-(五)).
 */
@Component("registerSiteDelegate")
class RegisterSiteDelegate implements JavaDelegate {

  private final SiteRepository repository;
  private final InstitutionRegistry registry;

  RegisterSiteDelegate(SiteRepository repository, InstitutionRegistry registry) {
    this.repository = repository;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String siteNo = execution.getProcessBusinessKey();
    SiteRepository.SiteRow site = repository.find(siteNo)
        .orElseThrow(() -> new IllegalStateException("站点申报 " + siteNo + " 不存在"));
    Institution organisation = registry.findByFilingCode(site.parentFilingCode())
        .orElseThrow(() -> new InstitutionNotFoundException(site.parentFilingCode()));
    Object city = execution.getVariable(SiteProcess.Vars.CITY_CODE);
    String cityCode = city instanceof String s && !s.isBlank() ? s.strip() : null;
    // The site assesses in the organisation's occupations (its scope is the organisation's filing).
    Institution registered = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, site.name(), null,
        site.province(), site.address(), site.contactEmail(), siteNo, organisation.occupations(),
        organisation.filingCode(), null, cityCode));
    repository.confirm(site.id(), registered.filingCode());
    execution.setVariable(SiteProcess.Vars.SITE_FILING_CODE, registered.filingCode());
  }
}
