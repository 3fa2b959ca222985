package cn.hrss.assessment.complaint;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public complaint page {@code /complaints} (CONTRACT.md "Complaints"): the form of {@code POST /api/complaints}
 * (same service, same checks, errors shown on their fields and the entries kept), the number and token shown once
 * on success, and the look-up of a complaint with its token. Limited per client like the objections.
 */
@Controller
class ComplaintPageController {

  private final ComplaintService complaints;
  private final WorkingDays workingDays;

  ComplaintPageController(ComplaintService complaints, WorkingDays workingDays) {
    this.complaints = complaints;
    this.workingDays = workingDays;
  }

  @GetMapping("/complaints")
  String form(Model model) {
    page(model, new ComplaintSubmission("", "", "", "", "", ""));
    return "public/complaints";
  }

  @PostMapping("/complaints")
  String submit(@RequestParam(defaultValue = "") String institutionFilingCode,
      @RequestParam(defaultValue = "") String institutionName, @RequestParam(defaultValue = "") String content,
      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String contact,
      @RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ComplaintSubmission submission = new ComplaintSubmission(institutionFilingCode, institutionName, content, name, contact, email);
    page(model, submission);
    try {
      ComplaintService.Received received = complaints.submit(submission, r -> { });
      model.addAttribute("received", received);
      page(model, new ComplaintSubmission("", "", "", "", "", ""));
      model.addAttribute("received", received);
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      model.addAttribute("fieldErrors", problem.errors().stream()
          .collect(java.util.stream.Collectors.toMap(ApiProblem.FieldError::field, ApiProblem.FieldError::message, (a, b) -> a)));
    }
    return "public/complaints";
  }

  @PostMapping("/complaints/lookup")
  String lookup(@RequestParam(defaultValue = "") String complaintNo, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    page(model, new ComplaintSubmission("", "", "", "", "", ""));
    String no = complaintNo.strip().toUpperCase(Locale.ROOT);
    model.addAttribute("complaintNo", no);
    if (no.isEmpty() || accessToken.isBlank()) {
      model.addAttribute("error", "请填写投诉编号和查询令牌。");
    } else if (!complaints.tokenMatches(no, accessToken)) {
      model.addAttribute("error", "投诉编号或查询令牌不正确，请核对后重新输入。");
    } else {
      model.addAttribute("complaint", ComplaintController.view(complaints.find(no).orElseThrow(), false, workingDays));
    }
    return "public/complaints";
  }

  private static void page(Model model, ComplaintSubmission form) {
    model.addAttribute("activeNav", "complaints");
    model.addAttribute("zone", ComplaintService.ZONE);
    model.addAttribute("form", form);
    model.addAttribute("fieldErrors", java.util.Map.of());
    model.addAttribute("received", null);
    model.addAttribute("complaint", null);
    model.addAttribute("error", null);
    model.addAttribute("complaintNo", "");
  }
}
