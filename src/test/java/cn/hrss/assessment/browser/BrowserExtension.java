package cn.hrss.assessment.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

/**
 * Gives each test method of a {@link BrowserTest} its own {@link Browser} (a test parameter) on the Spring
 * Boot application's random port, takes a last screenshot when the test failed, and quits the browser.
 *
 * <p>Without Chromium: in CI ({@code CI=true}, as .ci/run sets) the test FAILS with the reason — the browser
 * tests are part of the evidence and must never vanish silently; elsewhere it is skipped with the reason.
 */
final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
    ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    requireBrowser(Browser.missingBrowser(), "true".equalsIgnoreCase(System.getenv("CI")));
    // pom.xml excludes Browser*IT from failsafe's postgres execution; -Dit.test overrides that exclusion.
    Assumptions.assumeFalse("postgres".equals(System.getProperty("assessment.test.database")),
        "browser tests run in the h2 execution only");
    int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
        .getRequiredProperty("local.server.port"));
    Path screenshots = Path.of("target", "screenshots",
        context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
    FileSystemUtils.deleteRecursively(screenshots.toFile());   // only this run's steps are evidence
    context.getStore(NAMESPACE).put(Browser.class, Browser.start(port, screenshots));
  }

  /** Fails (in CI) or skips (elsewhere) a browser test when Chromium or ChromeDriver is missing. */
  static void requireBrowser(String missing, boolean ci) {
    if (missing == null) {
      return;
    }
    if (ci) {
      throw new IllegalStateException("Browser tests need Chromium in CI: " + missing);
    }
    Assumptions.abort("Browser test skipped (not in CI): " + missing);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Browser browser = browser(context);
    if (browser != null && context.getExecutionException().isPresent()) {
      try {
        browser.screenshot("FAILED");
        browser.savePageSource("FAILED");
      } catch (RuntimeException e) {
        context.getExecutionException().get().addSuppressed(e);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
    if (browser != null) {
      browser.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  private static Browser browser(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
  }
}
