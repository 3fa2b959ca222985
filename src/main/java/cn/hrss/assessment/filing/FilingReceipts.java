package cn.hrss.assessment.filing;

import cn.hrss.assessment.notification.NotificationService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The printable receipt (备案回执) with the result letter of 002 Annex 1 §一(十二): the very template that was
 * e-mailed (templates/mail/filing-receipt.html), rendered for the applicant to print at any time.
 */
@Component
class FilingReceipts {

  private final FilingNoticeModel model;
  private final NotificationService notifications;

  FilingReceipts(FilingNoticeModel model, NotificationService notifications) {
    this.model = model;
    this.notifications = notifications;
  }

  String receiptHtml(FilingRepository.StoredApplication application) {
    Map<String, Object> values = new HashMap<>(model.contribute(FilingProcess.KEY, application.applicationNo()));
    values.put("caseRef", application.applicationNo());
    values.put(FilingProcess.Vars.INSTITUTION_TYPE, application.institutionType());
    // A renewal's receipt is the renewal letter (004 Art. 23), with the same code and the new validity.
    String template = switch (application.kind()) {
      case "RENEWAL" -> "institution-renewed";
      case "SCOPE_CHANGE" -> "institution-scope-changed";
      default -> "filing-receipt";
    };
    return notifications.renderHtml(template, values);
  }
}
