package org.borderwatch.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the console suite: Debian's chromium driven by Playwright (no browser download), signing in
 * through the real Keycloak as a demo user.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Path AXE = Paths.get("target", "axe", "node_modules", "axe-core", "axe.min.js");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh browser profile (no cookies) in the given language, at laptop size. */
    public BrowserContext context(String locale) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900)
                .setAcceptDownloads(true));
    }

    /** Opens a console page; Keycloak asks for the password and sends the browser back to it. */
    public static Page signIn(BrowserContext context, String base, String path, String user) {
        Page page = context.newPage();
        page.navigate(base + path);
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(base + "/console"));
        return page;
    }

    /** The serious and critical accessibility violations axe-core finds on the page, one line each. */
    @SuppressWarnings("unchecked")
    public static List<String> accessibilityViolations(Page page) {
        try {
            // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
            page.evaluate(Files.readString(AXE));
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is installed by the build into " + AXE, e);
        }
        return (List<String>) page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
