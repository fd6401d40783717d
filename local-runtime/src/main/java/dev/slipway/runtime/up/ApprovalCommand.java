package dev.slipway.runtime.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.runtime.cli.Command;
import dev.slipway.runtime.cli.Console;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code slipway approve|reject <build> [--env E] [--service S] [--as U] [--comment C] [--data DIR]}: decides an
 * open approval of the running {@code slipway up} ({@link ApprovalsApi}), found through
 * {@code <data>/up.json}. For a Slipway without Slack this is how approvals are given; the same
 * rules apply as to a button click, so {@code --as} must name an allowed approver (a Slack user id
 * of the pipeline file's {@code approvers}).
 */
public final class ApprovalCommand implements Command {

    private final String verdict;
    private final Map<String, String> env;

    private ApprovalCommand(String verdict, Map<String, String> env) {
        this.verdict = verdict;
        this.env = env;
    }

    public static ApprovalCommand approve(Map<String, String> env) {
        return new ApprovalCommand("approve", env);
    }

    public static ApprovalCommand reject(Map<String, String> env) {
        return new ApprovalCommand("reject", env);
    }

    @Override
    public String name() {
        return verdict;
    }

    @Override
    public String summary() {
        return verdict + " a build's open approval on the running slipway up";
    }

    @Override
    public String usage() {
        return """
                usage: slipway %s <build> [--env E] [--service S] [--as USER] [--comment TEXT] [--data DIR]

                %s the open approval of <build> on the slipway up that uses DIR, by the same
                rules as a Slack button: USER must be one of the approvers in the pipeline file.
                  --env E       the environment, when the build waits on more than one
                  --service S   the service, for a release pipeline
                  --as USER     whose decision it is (default $SLIPWAY_USER, else your login name)
                  --comment T   a note kept with the decision in the approval's audit record
                  --data DIR    slipway up's data directory (default $SLIPWAY_DATA_DIR, else .slipway)
                """.formatted(verdict, verdict.equals("approve") ? "Approves" : "Rejects");
    }

    @Override
    public int run(List<String> args, Console console) {
        ObjectNode body = SlipwayJson.mapper().createObjectNode();
        body.put("verdict", verdict);
        body.put("user", env.getOrDefault("SLIPWAY_USER", System.getProperty("user.name")));
        Path data = console.workingDirectory().resolve(env.getOrDefault("SLIPWAY_DATA_DIR", ".slipway"));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (body.has("build")) {
                    return usageError(console, "one build only; got '" + body.path("build").asText() + "' and '" + arg + "'");
                }
                body.put("build", arg.startsWith("#") ? arg.substring(1) : arg);
                continue;
            }
            if (i + 1 >= args.size()) {
                return usageError(console, arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--env" -> body.put("environment", value);
                case "--service" -> body.put("service", value);
                case "--as" -> body.put("user", value);
                case "--comment" -> body.put("comment", value);
                case "--data" -> data = console.workingDirectory().resolve(value);
                default -> {
                    return usageError(console, "unknown option " + arg);
                }
            }
        }
        if (!body.has("build")) {
            return usageError(console, "which build? e.g. slipway " + verdict + " github-1234 --env production");
        }
        return send(body, data, console);
    }

    private int send(ObjectNode body, Path data, Console console) {
        UpLink link;
        try {
            link = UpLink.read(data);
        } catch (UpLink.UpNotRunningException e) {
            console.err().println("slipway " + verdict + ": " + e.getMessage());
            return FAILED;
        }
        HttpRequest request = HttpRequest.newBuilder(link.url().resolve(ApprovalsApi.PATH.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + link.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            console.err().println("slipway " + verdict + ": slipway up at " + link.url() + " does not answer (" + e
                    + "); is it still running?");
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
        JsonNode answer;
        try {
            answer = SlipwayJson.mapper().readTree(response.body());
        } catch (IOException e) {
            console.err().println("slipway " + verdict + ": unexpected answer " + response.statusCode() + ": " + response.body());
            return FAILED;
        }
        if (response.statusCode() == 200) {
            console.out().println(answer.path("message").asText());
            return OK;
        }
        console.err().println("slipway " + verdict + ": " + answer.path("message").asText(response.body()));
        return FAILED;
    }

    private int usageError(Console console, String problem) {
        console.err().println("slipway " + verdict + ": " + problem);
        console.err().print(usage());
        return USAGE;
    }
}
