package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's chromium driven by Debian's chromium-driver through Selenium
 * WebDriver (the driver's path is given, so Selenium downloads nothing). The safety bureau logs in, has a
 * workbook with a bad cell refused naming its sheet!cell, files its workbook and sees a VIOLATION (the 较大
 * accident 2026-011); the environment bureau is refused the safety bureau's workbook, naming the indicator
 * and its cell; the auditor sees these actions in the audit log. No script on any page: forms and links only.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static ServiceFixture svc;
    static WebDriver browser;
    static ChromeDriverService driverService;
    /** chromium's profile for this test, removed at the end */
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("chromium and chromium-driver must be installed in CI (.ci/html-check.sh --install)");
            }
            Assumptions.abort("chromium or chromium-driver not installed (apt-get install chromium chromium-driver)");
        }
        svc = ServiceFixture.h2("browser");
        svc.account("safety1", "bureau", "safety");
        svc.account("env1", "bureau", "environment");
        svc.account("audit1", "auditor", null);
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1600", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + (profile = Files.createTempDirectory("plancheck-chromium")));
        browser = new ChromeDriver(driverService, o);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        // a page that is still loading after a click: wait for its elements rather than fail at once
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        if (svc != null) {
            svc.close();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // a profile left in the temporary folder costs only space
            }
        }
    }

    private void login(String user) {
        browser.get(svc.base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private void logout() {
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    private void upload(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
    }

    private void shot(String name) throws Exception {
        Path d = Files.createDirectories(Path.of("target", "service-screens"));
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), d.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void safetyFilesItsWorkbookEnvironmentIsRefusedAuditorSeesBoth() throws Exception {
        // the safety bureau's workbook as it fills it in Excel (the template of `plancheck template`)
        Path workbook = Path.of("examples", "example-safety-bureau-2026.xlsx");
        // the same workbook with a value typed as text: refused, naming its sheet and cell
        Path bad = Files.createDirectories(svc.dataDir.resolve("uploads")).resolve("应急管理局-2026-有误.xlsx");
        Files.copy(workbook, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int[] row = {0};
        plancheck.sheets.Workbooks.edit(bad, wb -> {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheet("指标");
            row[0] = plancheck.sheets.Workbooks.rowOf(sh, "safety_death_rate") + 1;
            plancheck.sheets.Workbooks.set(sh, row[0] - 1, plancheck.sheets.Workbooks.column(sh, 3, "本年数值"), "约0.01");
        });

        login("safety1");
        assertTrue(browser.getCurrentUrl().endsWith("/bureau"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("垫江县应急管理局"));
        assertTrue(browser.findElement(By.id("template")).getAttribute("href").contains("/bureau/template.xlsx?year="),
                "its workbook to fill is one link away");
        upload(bad);
        String refused = browser.findElement(By.id("error")).getText();
        assertTrue(refused.contains("未保存任何内容") && refused.contains("指标!I" + row[0] + ": 应为数字，实为文本\"约0.01\""),
                refused);
        assertTrue(browser.findElements(By.id("filed")).isEmpty(), "nothing stored");
        shot("safety-bad-workbook");
        upload(workbook);
        WebElement filed = browser.findElement(By.id("filed"));
        assertTrue(filed.getText().contains("已保存并核查") && filed.getText().contains("example-safety-bureau-2026.xlsx"),
                filed.getText());
        assertTrue(browser.findElement(By.id("violation")).getText().contains("VIOLATION"));
        String findings = browser.findElement(By.id("filed-findings")).getText();
        assertTrue(findings.contains("较大及以上生产安全事故") && findings.contains("VIOLATION")
                && findings.contains("2026-011（较大）"), findings);
        shot("safety-filed");
        // the finding's explanation is one link away
        browser.findElements(By.cssSelector("#filed-findings a")).stream()
                .filter(a -> a.getText().contains("较大及以上生产安全事故")).findFirst().orElseThrow().click();
        String explanation = browser.findElement(By.id("explanation")).getText();
        assertTrue(explanation.contains("2026") && explanation.contains("生产安全事故!"), "its inputs by sheet and row: "
                + explanation);
        browser.get(svc.base + "/bureau");
        logout();

        login("env1");
        upload(workbook);
        String error = browser.findElement(By.id("error")).getText();
        assertTrue(error.contains("拒绝报送") && error.contains("safety_death_rate") && error.contains("垫江县应急管理局")
                && error.contains("指标!I" + row[0]), error);
        assertTrue(browser.findElements(By.id("filed")).isEmpty(), "nothing stored");
        shot("environment-refused");
        logout();

        login("audit1");
        browser.get(svc.base + "/audit");
        String log = browser.findElement(By.id("audit")).getText();
        assertTrue(rowWith(log, "safety1", "file"), log);
        assertTrue(rowWith(log, "safety1", "file-rejected"), log);
        assertTrue(rowWith(log, "env1", "file-refused"), log);
        assertTrue(log.contains("127.0.0.1"), "from where: " + log);
        shot("auditor-log");
        // the county's year shows the VIOLATION and offers the reports of this state, the spreadsheets among them
        browser.get(svc.base + "/county?year=2026");
        assertTrue(browser.findElement(By.id("findings")).getText().contains("VIOLATION"));
        assertFalse(browser.getPageSource().toLowerCase().contains("<script"), "no script on the pages");
        for (String link : List.of("report.xlsx", "findings.csv", "example-safety-bureau-2026-核查结果.xlsx")) {
            assertFalse(browser.findElements(By.partialLinkText(link)).isEmpty(), link);
        }
        browser.findElement(By.linkText("report.html")).click();
        assertTrue(browser.getPageSource().contains("规划目标核查报告"), "the downloaded report.html opens");
    }

    private static boolean rowWith(String table, String actor, String action) {
        for (String line : table.split("\n")) {
            List<String> cells = List.of(line.split(" "));
            if (cells.contains(actor) && cells.contains(action)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theLoginFormRefusesAWrongPasswordInChinese() {
        browser.get(svc.base + "/login");
        browser.findElement(By.id("username")).sendKeys("safety1");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login")).click();
        assertEquals("用户名或密码不正确", browser.findElement(By.id("error")).getText());
    }
}
