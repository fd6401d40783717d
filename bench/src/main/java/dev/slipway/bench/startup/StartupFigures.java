package dev.slipway.bench.startup;

import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.WorkDirs;
import dev.slipway.bench.report.Aim;
import dev.slipway.bench.report.Figure;
import dev.slipway.bench.system.Deliveries;
import dev.slipway.core.scm.Provider;
import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.SqsQueues;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.functions.webhook.WebhookSecrets;
import dev.slipway.runtime.embedded.LocalAws;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackWebApiServer;
import dev.slipway.testkit.slack.SlackRequestSigner;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Start-up as a stand-in for a Lambda cold start: a fresh JVM, the handler built by its Lambda
 * constructor from the environment, one signed request answered; timed from starting the JVM to the
 * answer. The AWS services it reaches at init and on the request are moto's, on loopback.
 *
 * <p>Each probe runs in four JVM set-ups, to record what moves it: as is; with C1 only
 * ({@code -XX:TieredStopAtLevel=1}, as Lambda's Java tuning advice suggests); with an AppCDS archive
 * of the classes a first request loads (Java 17: dumped by a training run with
 * {@code -XX:ArchiveClassesAtExit}, used with {@code -XX:SharedArchiveFile}); and with both.
 */
public final class StartupFigures {

    private static final String WEBHOOK_SECRET = "bench-webhook-secret";
    private static final String SIGNING_SECRET = "bench-signing-secret";
    private static final String BOT_TOKEN = "xoxb-bench";
    private static final Aim UNDER_A_SECOND = Aim.atMost(1000, "< 1 s (Slack allows 3 s; Bolt is known to take ~3.5 s on Lambda)");
    private static final TableNames TABLES = TableNames.withPrefix("bench-");

    /** One JVM set-up the probes run in. */
    private record Setup(String suffix, String title, boolean cds, List<String> flags) {
    }

    private static final List<Setup> SETUPS = List.of(
            new Setup(".as-is", "", false, List.of()),
            new Setup(".c1", ", C1 only", false, List.of("-XX:TieredStopAtLevel=1")),
            new Setup(".cds", ", AppCDS", true, List.of()),
            new Setup(".cds-c1", ", AppCDS + C1 only", true, List.of("-XX:TieredStopAtLevel=1")));

    /**
     * One handler to probe.
     *
     * @param module the Maven module whose runtime classpath stands in for the Lambda jar when none
     *               is given ({@code bench/run} passes it as {@code -Dslipway.bench.classpath.<module>})
     */
    private record Probe(String id, String title, String main, String handler, Optional<Path> jar, String module) {
    }

    private StartupFigures() {
    }

    public static List<Figure> run(BenchOptions options) throws Exception {
        List<Probe> probes = new ArrayList<>();
        if (options.wants("startup.webhook")) {
            probes.add(new Probe("startup.webhook", "fresh JVM to first answered webhook", WebhookColdStart.class.getName(),
                    "dev.slipway.functions.webhook.WebhookHandler", options.functionsJar(), "functions"));
        }
        if (options.wants("startup.slack")) {
            // The cloud's bot handler lives in the lambda module's jar; the module classpath has only the
            // bot's own adapter, which needs a BotPortsProvider that only that jar lists.
            probes.add(new Probe("startup.slack", "fresh JVM to first Slack ack", SlackColdStart.class.getName(),
                    options.botJar().isPresent() ? "dev.slipway.lambda.BotLambda" : "dev.slipway.bot.lambda.SlackEventsLambda",
                    options.botJar(), "bot"));
        }
        Path work = Files.createTempDirectory("slipway-bench-startup");
        // Bolt checks the bot token with auth.test when the app starts: a Slack Web API must answer.
        try (Moto moto = Moto.start(work.resolve("moto.log"));
                SlackWebApiServer slack = SlackWebApiServer.start().token(BOT_TOKEN, SlackWebApiServer.BOT_SCOPES, "U0BOT")) {
            Map<String, String> env = prepare(moto, slack, work);
            List<Figure> figures = new ArrayList<>();
            for (Probe probe : probes) {
                for (Setup setup : SETUPS) {
                    if (options.wants(probe.id() + setup.suffix())) {
                        figures.add(measure(probe, setup, options.quick() ? 3 : 10, env, work));
                    }
                }
            }
            return figures;
        } finally {
            WorkDirs.delete(work);
        }
    }

    /** The tables, queue and secrets the handlers reach, and the environment that names them. */
    private static Map<String, String> prepare(Moto moto, SlackWebApiServer slack, Path work) {
        String queueUrl;
        try (DynamoDbClient dynamo = LocalAws.dynamo(moto.endpoint()); SqsClient sqs = LocalAws.sqs(moto.endpoint());
                SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint())
                        .region(LocalAws.REGION).credentialsProvider(LocalAws.CREDENTIALS).build()) {
            DynamoTables.createAll(dynamo, TABLES);
            queueUrl = SqsQueues.createBuildQueue(sqs, "bench-builds", Duration.ofMinutes(2), 5).queueUrl();
            secrets.createSecret(r -> r.name(WebhookSecrets.nameFor(WebhookSecrets.DEFAULT_PREFIX, Provider.GITHUB))
                    .secretString(WEBHOOK_SECRET));
            secrets.createSecret(r -> r.name("bench/slack").secretString("{\"botToken\":\"" + BOT_TOKEN + "\",\"signingSecret\":\""
                    + SIGNING_SECRET + "\"}"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_REGION", LocalAws.REGION.id());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("SLIPWAY_TABLE_PREFIX", "bench-");
        env.put("SLIPWAY_BUILD_QUEUE_URL", queueUrl);
        env.put("SLIPWAY_PIPELINE_ARN", "arn:aws:states:us-east-1:000000000000:stateMachine:bench");
        env.put("SLIPWAY_WORK_DIR", work.toString());
        env.put("SLACK_SECRET_ARN", "bench/slack");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_API_URL", slack.methodsUrlPrefix());
        return env;
    }

    private static Figure measure(Probe probe, Setup setup, int runs, Map<String, String> env, Path work) throws Exception {
        String id = probe.id() + setup.suffix();
        String title = probe.title() + setup.title();
        List<String> flags = new ArrayList<>(setup.flags());
        String origin = probe.jar().map(j -> "Lambda jar " + j.getFileName()).orElse(probe.module() + " module classpath");
        try {
            String classpath = probe.jar().map(Path::toString).orElseGet(() -> moduleClasspath(probe.module()))
                    + java.io.File.pathSeparator + benchClasses();
            if (setup.cds()) {
                Path archive = work.resolve(probe.id() + setup.suffix() + ".jsa");
                List<String> training = new ArrayList<>(setup.flags());
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                run(probe, classpath, training, env, work);
                if (!Files.isRegularFile(archive)) {
                    throw new ProbeFailedException("the AppCDS training run wrote no archive " + archive.getFileName());
                }
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            List<Double> millis = new ArrayList<>();
            List<Double> init = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Answer answer = run(probe, classpath, flags, env, work);
                millis.add(answer.millis());
                init.add(answer.initMillis());
            }
            Figure initOnly = new Figure(id, "", "ms", init, UNDER_A_SECOND, "");
            return new Figure(id, title, "ms", millis, UNDER_A_SECOND, origin + ", flags " + (flags.isEmpty() ? "none"
                    : String.join(" ", flags).replace(work.toString(), "$TMP")) + "; of which handler construction (init)"
                    + " median " + Math.round(initOnly.median()) + " ms");
        } catch (ProbeFailedException e) {
            return Figure.missing(id, title, "ms", UNDER_A_SECOND, origin + ": " + e.getMessage());
        }
    }

    private record Answer(double millis, double initMillis) {
    }

    private static Answer run(Probe probe, String classpath, List<String> flags, Map<String, String> env, Path work)
            throws IOException, InterruptedException {
        Path request = signedRequest(probe, work.resolve("request-" + UUID.randomUUID()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, probe.main(), probe.handler(), request.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ColdStart.ANSWERED)) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    String[] fields = line.substring(ColdStart.ANSWERED.length()).split(" ");
                    int status = Integer.parseInt(fields[0]);
                    process.waitFor();
                    if (status >= 300) {
                        throw new ProbeFailedException("the handler answered " + status + ", not 2xx");
                    }
                    return new Answer(millis, Double.parseDouble(fields[1].substring("init_ms=".length())));
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        throw new ProbeFailedException("the probe exited with " + process.exitValue() + " before answering: "
                + lastLines(output.toString()));
    }

    private static Path signedRequest(Probe probe, Path dir) throws IOException {
        Files.createDirectories(dir);
        String body;
        Map<String, String> headers;
        if (probe.main().equals(WebhookColdStart.class.getName())) {
            byte[] push = Deliveries.push("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", "main");
            body = new String(push, StandardCharsets.UTF_8);
            headers = new HashMap<>(Deliveries.headers(WEBHOOK_SECRET, UUID.randomUUID().toString(), push));
            headers.put("content-type", "application/json");
        } else {
            SlackRequestSigner.SignedRequest signed = new SlackRequestSigner(SIGNING_SECRET).command(
                    SlackPayloads.slashCommand("C0BENCH", "U0BENCH", "/slipway", "help", "http://127.0.0.1:9/response",
                            "trigger-bench"));
            body = signed.body();
            headers = signed.headers();
        }
        Files.writeString(dir.resolve("body"), body);
        Properties properties = new Properties();
        properties.putAll(headers);
        try (OutputStream out = new FileOutputStream(dir.resolve("headers.properties").toFile())) {
            properties.store(out, "signed by the cold-start probe");
        }
        return dir;
    }

    private static String moduleClasspath(String module) {
        String classpath = System.getProperty("slipway.bench.classpath." + module);
        if (classpath == null || classpath.isBlank()) {
            throw new ProbeFailedException("no -Dslipway.bench.classpath." + module + " (bench/run sets it) and no Lambda jar"
                    + " given");
        }
        return classpath;
    }

    private static String benchClasses() {
        try {
            return Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The innermost exception's line (the last line that is not a stack frame), or the last lines. */
    private static String lastLines(String output) {
        List<String> lines = List.of(output.strip().split("\n"));
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("\t") && !l.startsWith(" ")).reduce((a, b) -> b)
                .orElse(String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size())));
    }

    /** A probe that did not answer: the figure is reported missing with this reason. */
    static final class ProbeFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeFailedException(String message) {
            super(message);
        }
    }
}
