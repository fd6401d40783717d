package dev.slipway.lambda.bench;

import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.LocalAws;
import dev.slipway.functions.aws.MotoServer;
import dev.slipway.functions.aws.TableNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the packaged handlers, roughly: a fresh JVM on the shaded jar, from process start to
 * the first answered request, against moto server (so AWS calls are local, without Lambda's network
 * or SnapStart). {@code scripts/lambda-cold-start} runs it: args are the two jars and the probe's classes.
 */
public final class ColdStartBench {

    private static final String SIGNING_SECRET = "bench-signing-secret";
    private static final String GITLAB_TOKEN = "bench-gitlab-token";
    private static final int RUNS = 5;

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path functionsJar = Path.of(args[0]);
        Path botJar = Path.of(args[1]);
        Path probeClasses = Path.of(args[2]);
        Path gitlabPush = Path.of(args[3]);
        URI moto = MotoServer.endpoint();
        String prefix = "bench-" + System.currentTimeMillis() + "-";
        DynamoTables.createAll(LocalAws.dynamo(moto), TableNames.withPrefix(prefix));
        String queue = LocalAws.sqs(moto).createQueue(r -> r.queueName(prefix + "builds")).queueUrl();
        String slackArn = LocalAws.secrets(moto).createSecret(r -> r.name(prefix + "slack")
                .secretString("{\"botToken\": \"\", \"signingSecret\": \"" + SIGNING_SECRET + "\"}")).arn();
        LocalAws.secrets(moto).createSecret(r -> r.name(prefix + "webhooks/gitlab").secretString(GITLAB_TOKEN));

        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", moto.toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "slipwaytest", "AWS_SECRET_ACCESS_KEY", "slipwaytest",
                "SLIPWAY_TABLE_PREFIX", prefix, "SLIPWAY_BUILD_QUEUE_URL", queue, "SLIPWAY_SECRET_PREFIX", prefix + "webhooks",
                "SLIPWAY_PIPELINE_ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:bench",
                "SLACK_SECRET_ARN", slackArn, "PROBE_SIGNING_SECRET", SIGNING_SECRET));
        env.put("PROBE_GITLAB_TOKEN", GITLAB_TOKEN);
        // What template.yaml's Globals set for every function.
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");

        run("webhook (functions jar)", functionsJar, probeClasses, env, "webhook", gitlabPush.toString());
        run("bot (bot-lambda jar)", botJar, probeClasses, env, "bot");
    }

    private static void run(String name, Path jar, Path probeClasses, Map<String, String> env, String... probeArgs)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", jar + java.io.File.pathSeparator + probeClasses, ColdStartProbe.class.getName()));
            command.addAll(List.of(probeArgs));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("init=")) {
                        result = line + " wall=" + (System.nanoTime() - started) / 1_000_000;
                    }
                }
            }
            process.waitFor();
            lines.add(result == null ? "failed (exit " + process.exitValue() + ")" : result);
        }
        System.out.println(name + ":");
        lines.forEach(l -> System.out.println("  " + l));
    }
}
