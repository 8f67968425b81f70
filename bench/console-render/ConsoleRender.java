import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times the console's first render of a page as a person sees it: from asking for the address to the
 * page's data on screen, in Debian's headless Chromium, each round a new page load (a new Vaadin UI, so
 * every query runs again). Prints one Markdown row per page: median, fastest, slowest.
 *
 * <p>Arguments: console URL, tenant, username, password, rounds.
 */
public class ConsoleRender {

    /** A page, and the script that is true once its data is on screen. */
    record Page(String name, String path, String rendered) {}

    static final List<Page> PAGES = List.of(
            new Page(
                    "Overview (charts, tiles, review queue)",
                    "",
                    "return !!document.getElementById('overview-volume-chart')"
                            + " && !!document.getElementById('overview-not-reviewed');"),
            new Page(
                    "Audit trail (first page and total count)",
                    "audit",
                    "var t = document.getElementById('audit-total');"
                            + " var g = document.getElementById('audit-grid');"
                            + " return !!t && /[0-9]/.test(t.textContent) && !!g && g.size > 0;"));

    public static void main(String[] args) throws Exception {
        String console = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int rounds = Integer.parseInt(args[4]);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000");
        WebDriver driver = new ChromeDriver(options);
        try {
            signIn(driver, console, args[1], args[2], args[3]);
            List<List<Long>> times = new ArrayList<>();
            PAGES.forEach(p -> times.add(new ArrayList<>()));
            // one warm-up visit each (the browser's own caches, the server's first Vaadin UI), then interleaved rounds
            for (Page page : PAGES) {
                render(driver, console, page);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < PAGES.size(); i++) {
                    times.get(i).add(render(driver, console, PAGES.get(i)));
                }
            }
            System.out.println("| page | first render, median (ms) | fastest | slowest | rounds |");
            System.out.println("|---|---|---|---|---|");
            for (int i = 0; i < PAGES.size(); i++) {
                var t = times.get(i);
                Collections.sort(t);
                System.out.printf(
                        "| %s | %d | %d | %d | %d |%n",
                        PAGES.get(i).name(), t.get(t.size() / 2), t.get(0), t.get(t.size() - 1), t.size());
            }
        } finally {
            driver.quit();
        }
    }

    static void signIn(WebDriver driver, String console, String tenant, String username, String password) {
        driver.get(console);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> !d.findElements(By.cssSelector("#login-view")).isEmpty());
        type(driver, wait, "login-tenant", tenant);
        type(driver, wait, "login-username", username);
        type(driver, wait, "login-password", password);
        driver.findElement(By.id("login-button")).click();
        wait.until(d -> !d.findElements(By.id("logout-button")).isEmpty());
    }

    static void type(WebDriver driver, WebDriverWait wait, String field, String text) {
        var input = wait.until(d -> d.findElement(By.cssSelector("#" + field + " input")));
        input.clear();
        input.sendKeys(text);
    }

    /** Milliseconds from the address asked for to the data on screen. */
    static long render(WebDriver driver, String console, Page page) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        long start = System.nanoTime();
        driver.get(console + page.path());
        new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(5))
                .withMessage(() -> page.name() + " to render")
                .until(d -> Boolean.TRUE.equals(js.executeScript(page.rendered())));
        return (System.nanoTime() - start) / 1_000_000;
    }
}
