package cn.hrss.assessment.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint (test sources, component-scanned into test contexts): an officer endpoint of the domain
 * API as the feature packages write them, so that {@link Officers} is tested through the real filter chain.
 */
@RestController
class OfficerProbeController {

  static final String PATH = "/api/test/officer-probe";

  private final Officers officers;

  OfficerProbeController(Officers officers) {
    this.officers = officers;
  }

  @GetMapping(PATH)
  Map<String, Object> read(HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.ACCEPTANCE_OFFICERS);
    return Map.of("userId", caller.userId());
  }

  @PostMapping(PATH)
  Map<String, Object> change(HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.ACCEPTANCE_OFFICERS);
    return Map.of("userId", caller.userId());
  }
}
