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
  private final List<CaseVisibility> visibility;

  NoticeController(NotificationService notifications, Officers officers, List<CaseVisibility> visibility) {
    this.notifications = notifications;
    this.officers = officers;
    this.visibility = visibility;
  }

  @GetMapping
  List<NoticeRecord> notices(@RequestParam String caseRef, HttpServletRequest request) {
    var caller = officers.require(request, Groups.CASE_READERS.toArray(String[]::new));
    if (caseRef.isBlank() || caseRef.length() > 64 || PlainText.hasControlCharacters(caseRef)) {
      // No case number is longer; a NUL would fail the query on PostgreSQL (500).
      throw ApiProblem.invalid("caseRef", "申请编号或案件编号无效");
    }
    // Another jurisdiction's case shows nothing, as an unknown number does (README "Jurisdiction").
    if (!visibility.stream().allMatch(v -> v.visible(caseRef, caller))) {
      return List.of();
    }
    return notifications.noticesFor(caseRef);
  }
}
