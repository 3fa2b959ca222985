package cn.hrss.assessment.lifecycle;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.lifecycle.*}: the institution's life after filing (issue 13).
 *
 * @param departmentEmail the filing department (备案部门) told of terminations and lapses
 * @param ministryEmail the level above (部职业技能鉴定中心) every filing event is reported to (004 Art. 10; 001
 *     人社鉴发〔2019〕3号 §二 向部报备)
 * @param reminderDays days before {@code validUntil} at which the institution is reminded (监督管理办法 Art. 21(7))
 * @param scheduled run the expiry sweep on this node (the test profile drives it itself)
 * @param sweepInterval how often the sweep looks for reminders and lapses due
 */
@ConfigurationProperties("assessment.lifecycle")
public record LifecycleProperties(
    @DefaultValue("beian@hrss.example.cn") String departmentEmail,
    @DefaultValue("jianding@osta.example.cn") String ministryEmail,
    @DefaultValue({"90", "30"}) List<Integer> reminderDays,
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("PT15M") Duration sweepInterval) {

  public LifecycleProperties {
    reminderDays = reminderDays == null ? List.of() : reminderDays.stream().sorted().distinct().toList();
    if (reminderDays.stream().anyMatch(d -> d < 1)) {
      throw new IllegalArgumentException("assessment.lifecycle.reminder-days must be positive: " + reminderDays);
    }
  }
}
