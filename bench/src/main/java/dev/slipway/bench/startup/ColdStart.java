package dev.slipway.bench.startup;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The child JVM of a cold-start probe: what the Lambda runtime does on a cold start, and no more.
 * It loads the handler class by name, builds it with its no-argument constructor (the function's
 * init phase: configuration from the environment, SDK clients), hands it one request, prints the
 * status and exits. The parent times the whole, from starting this JVM to the printed line.
 *
 * <p>Arguments: {@code HANDLER_CLASS REQUEST_DIR}; the directory holds {@code body} and
 * {@code headers.properties}, signed by the parent. One main per event type ({@link WebhookColdStart},
 * {@link SlackColdStart}), so each runs on a jar that holds only its own handler's libraries.
 */
final class ColdStart {

    static final String ANSWERED = "slipway-bench answered ";

    /** What a probe does with the handler: build its event from the signed request and return the HTTP status. */
    interface Invocation {
        int invoke(Object handler, String body, Map<String, String> headers, Context context);
    }

    private ColdStart() {
    }

    static void run(String[] args, Invocation invocation) throws Exception {
        long started = System.nanoTime();
        Path request = Path.of(args[1]);
        String body = Files.readString(request.resolve("body"));
        Map<String, String> headers = headers(request.resolve("headers.properties"));
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        long built = System.nanoTime();
        int status = invocation.invoke(handler, body, headers, context());
        long answered = System.nanoTime();
        System.out.println(ANSWERED + status + " init_ms=" + (built - started) / 1_000_000 + " request_ms="
                + (answered - built) / 1_000_000);
        System.out.flush();
        // Work the handler left running (an asynchronous Slack reply) is not part of the answer.
        System.exit(0);
    }

    /** A Lambda context with nothing in it but a request id and time left. */
    private static Context context() {
        return (Context) Proxy.newProxyInstance(ColdStart.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId", "getFunctionName" -> "cold-start-probe";
                    case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 30_000;
                    case "toString" -> "ColdStartContext";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static Map<String, String> headers(Path file) throws IOException {
        Properties properties = new Properties();
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            properties.load(in);
        }
        Map<String, String> headers = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> headers.put(name, properties.getProperty(name)));
        return headers;
    }
}
