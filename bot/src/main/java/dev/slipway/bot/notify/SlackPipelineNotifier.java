package dev.slipway.bot.notify;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.model.ApprovalView;
import dev.slipway.bot.model.RollbackNotice;
import dev.slipway.bot.model.StageFailure;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.notify.NotificationUndeliveredException;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.notify.RollbackReport;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline functions' notifier ({@link PipelineNotifier}, a core port) on the bot's
 * {@link BuildNotifier}: Slack when a bot token is configured, the console otherwise. Found by the
 * functions through {@link java.util.ServiceLoader} (the no-argument constructor reads the bot's
 * environment, {@link BotConfig#fromEnvironment}), so the functions module needs no bot import.
 */
public final class SlackPipelineNotifier implements PipelineNotifier {

    private final BuildNotifier notifier;

    public SlackPipelineNotifier() {
        this(fromEnvironment(System.getenv(), System.out));
    }

    public SlackPipelineNotifier(BuildNotifier notifier) {
        this.notifier = notifier;
    }

    static BuildNotifier fromEnvironment(Map<String, String> env, PrintStream console) {
        BotConfig config = BotConfig.fromEnvironment(env);
        Messenger messenger = config.botToken()
                .<Messenger>map(token -> new SlackMessenger(SlipwayBot.slack(config).methods(), token, SlackMessenger.SLACK_PACE))
                .orElseGet(() -> new ConsoleMessenger(console, Path.of(env.getOrDefault("SLIPWAY_NOTIFY_LOG",
                        System.getProperty("java.io.tmpdir") + "/slipway-notify.log")), config.clock()));
        return new BuildNotifier(messenger, config.pagesBase());
    }

    @Override
    public String buildChanged(BuildRecord build, String channel, String messageRef) {
        if (channel.isBlank() && messageRef.isBlank()) {
            return "";
        }
        try {
            Optional<MessageRef> existing = messageRef.isBlank() ? Optional.empty() : Optional.of(MessageRef.parse(messageRef));
            return notifier.buildChanged(build, service(build), channel, existing).asString();
        } catch (RuntimeException e) {
            throw new NotificationUndeliveredException("the message of build " + build.id() + " could not be posted to "
                    + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stageFailed(BuildRecord build, String messageRef, String stage, String service, List<String> lastLines,
            String logPointer) {
        int exit = build.stages().stream().filter(s -> s.name().equals(stage) && s.exitCode() != null)
                .map(s -> s.exitCode()).findFirst().orElse(-1);
        URI log = logPointer == null || logPointer.isBlank() ? notifier.buildUrl(build.id().value()) : URI.create(logPointer);
        notifier.stageFailed(MessageRef.parse(messageRef), new StageFailure(build.id().value(), stage, exit, lastLines, log));
    }

    @Override
    public String approvalRequested(Approval approval, BuildRecord build, String channel) {
        if (channel.isBlank()) {
            return "";
        }
        URI buildUrl = notifier.buildUrl(build.id().value());
        String commit = build.request().commit() == null ? "" : build.request().commit();
        URI diff = build.request().repo().webUrl() == null ? buildUrl
                : URI.create(build.request().repo().webUrl() + "/commit/" + commit);
        String service = approval.service() == null ? service(build) : approval.service();
        return notifier.approvalRequested(new ApprovalView(approval, service, commit, diff, buildUrl), channel).asString();
    }

    @Override
    public void rolledBack(BuildRecord build, String channel, String messageRef, RollbackReport report) {
        if (channel.isBlank() && messageRef.isBlank()) {
            return;
        }
        Optional<MessageRef> parent = messageRef.isBlank() ? Optional.empty() : Optional.of(MessageRef.parse(messageRef));
        notifier.rolledBack(parent, channel, new RollbackNotice(report.target().service(), report.target().environment(),
                report.from(), report.to(), requestedBy(build), report.reason(), notifier.buildUrl(build.id().value())));
    }

    /** The person who asked for a {@code /rollback}; empty for the automatic one after a failed deploy. */
    private static Optional<String> requestedBy(BuildRecord build) {
        ReleaseOrder order = build.request().release();
        return order != null && order.isRollback() ? Optional.of(build.request().actor()) : Optional.empty();
    }

    /**
     * The name shown for the build: the pipeline's service when its stages all belong to one (what
     * people call the thing being deployed), else the repository (a release names each service in
     * its stages).
     */
    static String service(BuildRecord build) {
        List<String> services = build.stages().stream().map(StageRecord::service).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).distinct().toList();
        return services.size() == 1 ? services.get(0) : build.repo();
    }
}
