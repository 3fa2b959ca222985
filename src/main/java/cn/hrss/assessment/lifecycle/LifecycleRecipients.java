package cn.hrss.assessment.lifecycle;

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
   * The report of a filing goes upwards when the province filed it (001 人社鉴发〔2019〕3号 §二); a national employer
   * was filed by the ministry itself: nobody (the notice is recorded as skipped).
   */
  public List<String> upwardsFor(Object institutionType) {
    return "NATIONAL_EMPLOYER".equals(String.valueOf(institutionType)) ? List.of() : List.of(properties.ministryEmail());
  }

  /** The filing department. */
  public String department() {
    return properties.departmentEmail();
  }
}
