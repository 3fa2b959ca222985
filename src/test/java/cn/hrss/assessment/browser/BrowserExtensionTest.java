package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium a browser test fails in CI and is skipped elsewhere — never silently passes. */
class BrowserExtensionTest {

  @Test
  void failsInCiWithTheReason() {
    assertThatThrownBy(() -> BrowserExtension.requireBrowser("Chromium/ChromeDriver not installed", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Chromium/ChromeDriver not installed");
  }

  @Test
  void isSkippedOutsideCi() {
    assertThatThrownBy(() -> BrowserExtension.requireBrowser("Chromium/ChromeDriver not installed", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("not installed");
  }

  @Test
  void runsWhenTheBrowserIsThere() {
    assertThatCode(() -> BrowserExtension.requireBrowser(null, true)).doesNotThrowAnyException();
  }
}
