package dev.slipway.runtime.pages;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, loading a page the way a person's browser does and printing
 * the DOM it ends up with. {@code --virtual-time-budget} makes it wait while the page's requests
 * are open (an EventSource stream included) and dump the DOM once the page is quiet, so a page that
 * follows a build is dumped after its stream ended, with every line it received.
 */
final class HeadlessChromium {

    private final Process process;
    private final Path dom;

    private HeadlessChromium(Process process, Path dom) {
        this.process = process;
        this.dom = dom;
    }

    static HeadlessChromium open(URI page, Path workDir) throws IOException {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        Path dom = workDir.resolve("dom.html");
        Process process = new ProcessBuilder(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--user-data-dir=" + profile, "--virtual-time-budget=60000",
                "--dump-dom", page.toString()))
                .redirectOutput(dom.toFile()).redirectError(workDir.resolve("chromium.log").toFile()).start();
        return new HeadlessChromium(process, dom);
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("chromium is not installed: run scripts/dev-env (or apt-get install -y chromium)");
    }

    /** Waits for chromium to print the DOM and exit; returns the DOM. */
    String dom(long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + timeoutSeconds + " s");
        }
        return Files.readString(dom);
    }

    void kill() {
        process.destroyForcibly();
    }
}
