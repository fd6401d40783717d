package dev.slipway.lambda;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.notify.BuildNotifier;
import dev.slipway.bot.notify.SlackMessenger;
import dev.slipway.bot.notify.SlackPipelineNotifier;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.notify.RollbackReport;
import dev.slipway.functions.pipeline.ConsolePipelineNotifier;
import dev.slipway.functions.wiring.Wiring;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The pipeline functions' notifier in the stack, found by their {@link java.util.ServiceLoader}
 * (this jar lists it instead of the bot's, which reads {@code SLACK_*} variables): the bot's Slack
 * messages with the bot token from the Slack secret, or the function's log while the secret has no
 * token yet, so that a stack whose Slack app is not set up still runs its builds. The secret is read
 * on first use: every pipeline function loads a notifier, and only those that post need to read it.
 */
public final class CloudSlackNotifier implements PipelineNotifier {

    private final Map<String, String> env;
    private PipelineNotifier delegate;

    public CloudSlackNotifier() {
        this(System.getenv());
    }

    CloudSlackNotifier(Map<String, String> env) {
        this.env = env;
    }

    private synchronized PipelineNotifier delegate() {
        if (delegate == null) {
            delegate = of(SlackSecret.load(env, Wiring.from(env).secretStore()), env);
        }
        return delegate;
    }

    static PipelineNotifier of(SlackSecret secret, Map<String, String> env) {
        URI pages = URI.create(env.getOrDefault("SLIPWAY_PAGES_URL", "http://localhost:8080/"));
        return secret.botToken()
                .<PipelineNotifier>map(token -> new SlackPipelineNotifier(new BuildNotifier(new SlackMessenger(
                        SlipwayBot.slack(env.getOrDefault("SLACK_API_URL", BotConfig.SLACK_API)).methods(), token,
                        SlackMessenger.SLACK_PACE), pages)))
                .orElseGet(() -> new ConsolePipelineNotifier(System.out));
    }

    @Override
    public String buildChanged(BuildRecord build, String channel, String messageRef) {
        return delegate().buildChanged(build, channel, messageRef);
    }

    @Override
    public void stageFailed(BuildRecord build, String messageRef, String stage, String service, List<String> lastLines,
            String logPointer) {
        delegate().stageFailed(build, messageRef, stage, service, lastLines, logPointer);
    }

    @Override
    public String approvalRequested(Approval approval, BuildRecord build, String channel) {
        return delegate().approvalRequested(approval, build, channel);
    }

    @Override
    public void rolledBack(BuildRecord build, String channel, String messageRef, RollbackReport report) {
        delegate().rolledBack(build, channel, messageRef, report);
    }
}
