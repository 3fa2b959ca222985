package cn.hrss.assessment.notification;

import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery state of the notices of a case, for officers. */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

  private final NotificationService notifications;
  private final Officers officers;

  NoticeController(NotificationService notifications, Officers officers) {
    this.notifications = notifications;
    this.officers = officers;
  }

  @GetMapping
  List<NoticeRecord> notices(@RequestParam String caseRef, HttpServletRequest request) {
    officers.require(request, Groups.CASE_READERS.toArray(String[]::new));
    if (caseRef.isBlank() || caseRef.length() > 64 || PlainText.hasControlCharacters(caseRef)) {
      // No case number is longer; a NUL would fail the query on PostgreSQL (500).
      throw ApiProblem.invalid("caseRef", "申请编号或案件编号无效");
    }
    return notifications.noticesFor(caseRef);
  }
}
