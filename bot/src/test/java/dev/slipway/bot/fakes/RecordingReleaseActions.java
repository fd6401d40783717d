package dev.slipway.bot.fakes;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.release.Accepted;
import dev.slipway.bot.release.ReleaseActionRefusedException;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.Requester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what the bot asked for, keeping the port's contract: one thing per request id (a second
 * call with the same id returns the first answer and records nothing), and refusals for services
 * it was told are unknown.
 */
public final class RecordingReleaseActions implements ReleaseActions {

    /** One started action. */
    public record Call(Requester requester, SlashCommand command) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Accepted> byRequest = new ConcurrentHashMap<>();
    private final List<String> knownServices;
    private int builds;

    public RecordingReleaseActions(List<String> knownServices) {
        this.knownServices = List.copyOf(knownServices);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException {
        requireService(deploy.service());
        return record(requester, deploy, "Deploying " + deploy.service() + " to " + deploy.environment().orElse("staging"));
    }

    @Override
    public Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException {
        requireService(rollback.service());
        return record(requester, rollback, "Rolling back " + rollback.service() + " in " + rollback.environment().orElse("production"));
    }

    @Override
    public Accepted build(Requester requester, SlashCommand.Build build) {
        return record(requester, build, "Building " + build.repository() + " " + build.branch().orElse("main"));
    }

    @Override
    public Accepted cancel(Requester requester, SlashCommand.Cancel cancel) throws ReleaseActionRefusedException {
        if (cancel.build().id().equals("done")) {
            throw new ReleaseActionRefusedException("Build #done has already finished; there is nothing to cancel.");
        }
        return record(requester, cancel, "Cancelling build #" + cancel.build().id());
    }

    private void requireService(String service) throws ReleaseActionRefusedException {
        if (!knownServices.contains(service)) {
            throw new ReleaseActionRefusedException("Slipway knows no service `" + service + "`; known: " + knownServices);
        }
    }

    private synchronized Accepted record(Requester requester, SlashCommand command, String what) {
        Accepted existing = byRequest.get(requester.requestId());
        if (existing != null) {
            return existing;
        }
        calls.add(new Call(requester, command));
        Accepted accepted = new Accepted("slack-" + (++builds), what + " (build #slack-" + builds + ").");
        byRequest.put(requester.requestId(), accepted);
        return accepted;
    }
}
