package cn.hrss.assessment.registry;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 名录查询: the public, server-rendered directory page (the same search as {@code GET /api/directory}). */
@Controller
class DirectoryPageController {

  /** Entries (top-level institutions with their branches) per page. */
  static final int PAGE_SIZE = 50;

  private final InstitutionRegistry registry;

  DirectoryPageController(InstitutionRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/directory")
  String directory(
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String occupation,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("activeNav", "directory");
    model.addAttribute("provinces", Provinces.all());
    model.addAttribute("province", province == null ? "" : province.trim());
    model.addAttribute("occupation", occupation == null ? "" : occupation);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("page", 0);
    model.addAttribute("pages", 0);
    model.addAttribute("total", 0L);
    try {
      DirectoryQuery query = DirectoryController.queryOf(province, occupation, q, false);
      int number = DirectoryController.paging(page, null, PAGE_SIZE)[0];
      DirectoryPage result = registry.directory(query, number, PAGE_SIZE);
      model.addAttribute("entries", result.entries());
      model.addAttribute("total", result.total());
      model.addAttribute("page", number);
      model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
      model.addAttribute("errors", List.of());
    } catch (ApiProblem problem) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("entries", List.of());
      model.addAttribute("errors", problem.errors());
    }
    return "public/directory";
  }
}
