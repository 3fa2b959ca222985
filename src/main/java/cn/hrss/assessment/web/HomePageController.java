package cn.hrss.assessment.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page {@code /}: what the service is, for whom, and links to every public page and the webapps. */
@Controller
class HomePageController {

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("activeNav", "home");
    return "public/home";
  }
}
