package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.template.SamTemplate;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sam build} would package, built the way it builds it: {@code make build-<LogicalId>}
 * with {@code ARTIFACTS_DIR} for every function in template.yaml (the Makefile runs Maven when a jar
 * is older than its sources). Each function's handler class must load, with its method, from only
 * what its target copied, on Lambda's classpath ({@code lib/*.jar}), and each package must fit
 * Lambda's 250 MB unzipped limit.
 */
class LambdaArtifactsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Lambda: "250 MB, the maximum size of the contents of a deployment package, including layers, unzipped". */
    private static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    @Test
    void everyFunctionsTargetPackagesItsHandlerWithinLambdasSizeLimit(@TempDir Path artifacts) throws Exception {
        Map<String, String> handlers = handlers();
        assertThat(handlers).hasSizeGreaterThanOrEqualTo(11);

        for (Map.Entry<String, String> function : handlers.entrySet()) {
            Path dir = artifacts.resolve(function.getKey());
            make("build-" + function.getKey(), dir);
            List<Path> jars;
            try (Stream<Path> files = Files.list(dir.resolve("lib"))) {
                jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            }
            assertThat(jars).as("%s: jars its target copied to lib/", function.getKey()).isNotEmpty();
            assertThat(unzippedSize(jars)).as("%s: unzipped package size", function.getKey()).isLessThan(UNZIPPED_LIMIT);
            assertHandlerLoads(function.getKey(), function.getValue(), jars);
        }
    }

    private static void assertHandlerLoads(String function, String handler, List<Path> jars) throws IOException {
        String[] parts = handler.split("::");
        URL[] urls = jars.stream().map(LambdaArtifactsIT::url).toArray(URL[]::new);
        // The platform loader as parent: nothing from this test's own classpath may stand in for the jar.
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            // Initialised, so that its class and static initialisers are verified and run against the jar.
            Class<?> type = Class.forName(parts[0], true, loader);
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName)).as("%s: %s", function, handler).contains(parts[1]);
            assertThat(type.getConstructors()).as("%s: a public no-argument constructor", function)
                    .anyMatch(c -> c.getParameterCount() == 0);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new AssertionError(function + ": " + handler + " does not load from " + jars + ": " + e, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long unzippedSize(List<Path> jars) throws IOException {
        long total = 0;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                total += zip.stream().mapToLong(ZipEntry::getSize).sum();
            }
        }
        return total;
    }

    private static void make(String target, Path artifactsDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("make-" + target, ".log");
        Process make = new ProcessBuilder("make", "-C", ROOT.toString(), target, "ARTIFACTS_DIR=" + artifactsDir)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(make.waitFor(15, TimeUnit.MINUTES)).as("make %s finished", target).isTrue();
        assertThat(make.exitValue()).as("make %s:%n%s", target, Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    private static Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        SamTemplate.load(ROOT.resolve("template.yaml")).functions()
                .forEach((name, resource) -> handlers.put(name, (String) SamTemplate.properties(resource).get("Handler")));
        return handlers;
    }
}
