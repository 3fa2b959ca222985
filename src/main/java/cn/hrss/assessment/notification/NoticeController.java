package cn.hrss.assessment.notification;

import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
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
    return notifications.noticesFor(caseRef);
  }
}
