package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.codes.FilingCode;
import java.util.List;
import org.springframework.stereotype.Component;

/** Expression bean {@code lifecycleRecipients}: addresses for BPMN {@code noticeTo} of the procedures after filing. */
@Component("lifecycleRecipients")
public class LifecycleRecipients {

  private final LifecycleProperties properties;

  LifecycleRecipients(LifecycleProperties properties) {
    this.properties = properties;
  }

  /** The level above (004 Art. 10; 001 人社鉴发〔2019〕3号 §二 向部报备). */
  public String ministry() {
    return properties.ministryEmail();
  }

  /**
   * Kept for instances of model versions deployed before {@link #upwardsOf(String)}: the type alone, which treated a
   * social organisation filed first with the ministry as a province's filing.
   */
  public List<String> upwardsFor(Object institutionType) {
    return "NATIONAL_EMPLOYER".equals(String.valueOf(institutionType)) ? List.of() : List.of(properties.ministryEmail());
  }

  /**
   * Where the report of a filing, renewal or change goes (004 Art. 10; 001 人社鉴发〔2019〕3号 §二 向部报备): to the
   * ministry when a province filed the institution, to nobody when the ministry filed it itself (the notice is
   * recorded as skipped). The filing code says which: positions 2-5 are 0000 for a province's filing and the
   * ministry's number otherwise (人社鉴发〔2019〕2号 Annex 1 §二(二) 表 3), for national employers and for social
   * organisations filed first with the ministry alike.
   */
  public List<String> upwardsOf(String filingCode) {
    return reportsUpwards(filingCode) ? List.of(properties.ministryEmail()) : List.of();
  }

  /** True when the institution was filed by a province, whose filings are reported to the ministry. */
  static boolean reportsUpwards(String filingCode) {
    return !FilingCode.parse(filingCode).ministryFiled();
  }

  /** The filing department. */
  public String department() {
    return properties.departmentEmail();
  }
}
