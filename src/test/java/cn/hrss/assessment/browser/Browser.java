package cn.hrss.assessment.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver; Selenium Manager never
 * downloads anything) pointed at the application under test, with a fresh profile and a Chinese browser
 * language. Every {@link #screenshot(String) step} is saved as target/screenshots/&lt;test&gt;/NN-&lt;step&gt;.png.
 * Created per test by {@link BrowserExtension}; page helpers: {@link CamundaWebapp}, {@link Tasklist},
 * {@link Cockpit}, {@link PublicPages}.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;
  private final String baseUrl;
  private int step;

  private Browser(ChromeDriver driver, Path profile, Path screenshots, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
    this.baseUrl = baseUrl;
  }

  /** Starts Chromium for the application on {@code port}; screenshots go to {@code screenshots}. */
  static Browser start(int port, Path screenshots) {
    // Selenium Manager would try to download a browser or driver when it cannot find one: never here.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("assessment-chromium-");
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=1400,1000");
    // navigator.languages comes from this preference in headless mode (--lang alone sets only the UI).
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        // The users are in China: dates in the screenshots in Beijing time, whatever zone the machine runs in.
        .withEnvironment(java.util.Map.of("TZ", "Asia/Shanghai"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
    return new Browser(driver, profile, screenshots, "http://localhost:" + port);
  }

  /** Why browser tests cannot run on this machine, or null when Chromium and ChromeDriver are installed. */
  static String missingBrowser() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return "Chromium/ChromeDriver not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
          + "apt-get install -y chromium chromium-driver (done by .ci/run)";
    }
    return null;
  }

  /** Opens a path of the application (e.g. {@code /directory}). */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves the current page as NN-name.png (NN counts the steps of this test) and returns its path. */
  public Path screenshot(String name) {
    step++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", step, name.replaceAll("[^\\p{L}\\p{N}._-]+", "-")));
    try {
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Saves the current DOM as NN-name.html next to the screenshots (for a failed step). */
  public Path savePageSource(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.html", step, name));
    try {
      Files.writeString(file, driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Waits until the condition holds (Angular apps render asynchronously) and returns its value. */
  public <T> T await(String what, Function<WebDriver, T> condition) {
    // Angular re-renders lists (Tasklist refreshes itself): an element found a moment ago may be gone.
    return new WebDriverWait(driver, TIMEOUT).withMessage(what).ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** The first visible element matching {@code by}, waiting for it. */
  public WebElement visible(By by) {
    return await("visible: " + by, ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Visible elements matching {@code by} (no waiting). */
  public List<WebElement> all(By by) {
    return driver.findElements(by).stream().filter(Browser::isDisplayed).toList();
  }

  /** Clicks the first visible, enabled element matching {@code by}. */
  public void click(By by) {
    await("clickable: " + by, ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Waits until the page's visible text contains {@code text}. */
  public void awaitText(String text) {
    await("page text contains \"" + text + "\"", d -> {
      try {
        return bodyText().contains(text);
      } catch (WebDriverException e) {
        // The page navigated between finding <body> and reading it: Chrome says so in a plain WebDriverException.
        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
          return false;
        }
        throw e;
      }
    });
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static boolean isDisplayed(WebElement element) {
    try {
      return element.isDisplayed();
    } catch (StaleElementReferenceException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
