package cn.pujin.open.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium (Debian's chromium + chromium-driver) driven by Selenium. */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;

    public Browser(int width, int height) {
        this(width, height, false);
    }

    /**
     * With {@code network}, the DevTools protocol's network events are kept in the performance log ({@link #network()}),
     * to count what a visit transfers.
     */
    public Browser(int width, int height, boolean network) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        // the console, to see scripts the Content-Security-Policy blocked
        options.setCapability("goog:loggingPrefs", network ? Map.of("browser", "ALL", "performance", "ALL") : Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver"))).build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        this.base = TestApp.get().baseUrl;
    }

    private static String executable(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A DevTools protocol command (e.g. {@code Network.emulateNetworkConditions}). */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return ((ChromeDriver) driver).executeCdpCommand(command, parameters);
    }

    /**
     * Lays the page out as a phone of {@code width} CSS pixels does (a window cannot be made that narrow in headless
     * Chromium: it stays at about 500 px).
     */
    public Browser phone(int width, int height) {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    /** Back to the window's own size after {@link #phone}. */
    public Browser desktop() {
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    /** The DevTools protocol's messages since the last call (only with {@code network}): one JSON text each. */
    public List<String> network() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage).toList();
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Types as a person does: select what is there, type over it (clear() confuses date pickers). */
    public void type(String id, String text) {
        WebElement input = find(By.id(id));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(text);
    }

    /**
     * Types into a PrimeFaces date picker as a keyboard user does: type, then Escape to close the popup
     * (whose closing could otherwise write its own date back), and check the field kept the text.
     */
    public void typeDate(String id, String text) {
        String seen = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                WebElement input = find(By.id(id));
                input.click();
                ((JavascriptExecutor) driver).executeScript("arguments[0].select(); arguments[0].value = '';", input);
                input.sendKeys(text);
                input.sendKeys(Keys.ESCAPE);
            } catch (StaleElementReferenceException replaced) {
                continue; // an ajax update replaced the field meanwhile: type into the new one
            }
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-datepicker-panel:not(.ui-helper-hidden)")));
            seen = find(By.id(id)).getDomProperty("value");
            if (text.equals(seen)) {
                return;
            }
        }
        throw new AssertionError("the date picker " + id + " did not keep " + text + " but shows " + seen);
    }

    /**
     * Chooses an option of a PrimeFaces select menu as a person does (open, click the item) and checks the menu shows
     * it: a click while the panel is still opening can miss, so it tries again.
     */
    public void select(String menuId, String label) {
        By shown = By.id(menuId + "_label");
        By item = By.xpath("//div[@id='" + menuId + "_panel']//li[contains(@class,'ui-selectonemenu-item') and contains(., '" + label + "')]");
        for (int attempt = 0; attempt < 4 && !find(shown).getText().contains(label); attempt++) {
            click(By.id(menuId));
            find(item);
            pause(400); // the panel fades in above the dialog's mask; a click during the fade lands on the mask
            try {
                driver.findElement(item).click();
            } catch (ElementClickInterceptedException | StaleElementReferenceException stillOpening) {
                continue;
            }
            pause(200);
        }
        if (!find(shown).getText().contains(label)) {
            throw new AssertionError("the menu " + menuId + " did not take " + label + " but shows " + find(shown).getText());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Waits until {@code condition} holds (page elements replaced meanwhile are looked up again). */
    public void waitUntil(BooleanSupplier condition) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
    }

    public void waitForUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void signIn(String login, String password) {
        signInAt(base, login, password);
    }

    /** The same on another instance of the app (several instances on one database). */
    public void signInAt(String baseUrl, String login, String password) {
        driver.get(baseUrl + "/login.xhtml");
        type("login:name", login);
        type("login:password", password);
        click(By.id("login:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.inline-form button")));
    }

    public void signOut() {
        click(By.cssSelector("form.inline-form button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/login.xhtml']")));
    }

    /** Keeps a PNG under target/screenshots for people to look at after the run. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Console messages of scripts or handlers the Content-Security-Policy refused, since the last call. */
    public List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    /**
     * Runs a journey; on failure keeps a screenshot and the page text for the report. A journey also fails when the
     * page's Content-Security-Policy blocked any script on the way (a handler that silently does nothing).
     */
    public void journey(String name, Runnable steps) {
        try {
            steps.run();
            List<String> blocked = cspViolations();
            if (!blocked.isEmpty()) {
                throw new AssertionError("scripts blocked by the Content-Security-Policy:\n" + String.join("\n", blocked));
            }
        } catch (RuntimeException | AssertionError e) {
            screenshot("failed-" + name);
            throw new AssertionError(e.getMessage() + "\n--- page text ---\n" + text(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
