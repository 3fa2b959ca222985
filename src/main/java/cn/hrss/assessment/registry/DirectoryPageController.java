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

  private final InstitutionRegistry registry;

  DirectoryPageController(InstitutionRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/directory")
  String directory(
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String occupation,
      @RequestParam(required = false) String q,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("activeNav", "directory");
    model.addAttribute("provinces", Provinces.all());
    model.addAttribute("province", province == null ? "" : province.trim());
    model.addAttribute("occupation", occupation == null ? "" : occupation);
    model.addAttribute("q", q == null ? "" : q);
    try {
      DirectoryQuery query = DirectoryController.queryOf(province, occupation, q, false);
      model.addAttribute("entries", registry.directory(query));
      model.addAttribute("errors", List.of());
    } catch (ApiProblem problem) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("entries", List.of());
      model.addAttribute("errors", problem.errors());
    }
    return "public/directory";
  }
}
