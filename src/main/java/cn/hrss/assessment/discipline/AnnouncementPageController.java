package cn.hrss.assessment.discipline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public page of decisions served by announcement (公告, 002 Annex 2 Art. 17) when the party has no address. */
@Controller
class AnnouncementPageController {

  private final DisciplineArchive archive;
  private final ObjectMapper json;

  AnnouncementPageController(DisciplineArchive archive, ObjectMapper json) {
    this.archive = archive;
    this.json = json;
  }

  record Announcement(String caseNo, String title, java.time.LocalDate publishedOn, Map<String, Object> content) {}

  @GetMapping("/announcements")
  String announcements(Model model) {
    List<Announcement> items = archive.byChannel("ANNOUNCEMENT").stream()
        .map(e -> new Announcement(e.caseNo(), e.title(), e.recordedAt().atZone(DisciplineCaseService.ZONE).toLocalDate(), parse(e.content()))).toList();
    model.addAttribute("announcements", items);
    model.addAttribute("activeNav", "announcements");
    return "public/announcements";
  }

  private Map<String, Object> parse(String content) {
    try {
      return json.readValue(content, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      return Map.of();
    }
  }
}
