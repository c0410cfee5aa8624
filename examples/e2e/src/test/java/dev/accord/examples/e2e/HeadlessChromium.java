package dev.accord.examples.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through the system chromedriver: explicit paths, a fresh
 * profile, no network side-traffic, and Selenium Manager kept offline, so a test run never
 * downloads a browser or a driver.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("accord.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("accord.chromedriver", "/usr/bin/chromedriver"));
  static final String SCREENSHOTS = "accord.screenshots.dir";

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /**
   * Skips the calling test when Chromium or chromedriver is missing; under CI=true that is a
   * failure instead.
   */
  static void assumeInstalled() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message =
        "the web UI browser tests need Debian's chromium and chromium-driver at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("Under CI " + message);
    }
    assumeTrue(present, "Skipping: " + message);
  }

  static HeadlessChromium start() throws IOException {
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("accord-chromium-profile");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1280,800",
        "--force-device-scale-factor=1");
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // a 1280x800 viewport exactly (--window-size counts the window, not the page), so screenshots
    // have one size
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    String dir = System.getProperty(SCREENSHOTS);
    return new HeadlessChromium(
        driver, profile, dir == null || dir.isBlank() ? null : Path.of(dir));
  }

  void open(String url) {
    driver.get(url);
  }

  String title() {
    return driver.getTitle();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * Waits (up to 10 s) until an element matching {@code css} exists, e.g. a marker a page's script
   * sets when drawn.
   */
  WebElement waitFor(String css) {
    return new org.openqa.selenium.support.ui.WebDriverWait(
            driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector(css)));
  }

  /**
   * Waits (up to 10 s) until the element matching {@code css} shows {@code text}: after a click
   * that navigates.
   */
  WebElement waitForText(String css, String text) {
    return new org.openqa.selenium.support.ui.WebDriverWait(
            driver, java.time.Duration.ofSeconds(10))
        .until(
            d -> {
              WebElement e = d.findElement(By.cssSelector(css));
              return e.getText().contains(text) ? e : null;
            });
  }

  java.util.List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Whether an {@code <img>} was fetched and decoded (a broken image has no natural width). */
  boolean imageLoaded(WebElement image) {
    return Boolean.TRUE.equals(
        driver.executeScript(
            "return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
  }

  /** The visible text of the page's main content. */
  String mainText() {
    return find("main").getText();
  }

  /**
   * Saves the viewport as {@code <name>.png} when {@code -Daccord.screenshots.dir=...} is set;
   * otherwise does nothing.
   */
  void screenshot(String name) throws IOException {
    if (screenshots == null) {
      return;
    }
    Files.createDirectories(screenshots);
    Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
