package dev.slipway.bot.release;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.dispatch.BuildDecision;
import dev.slipway.core.dispatch.BuildPlanner;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.dispatch.PipelineSourceUnavailableException;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /deploy} and {@code /rollback}: each becomes a build request carrying a {@link ReleaseOrder}
 * on the queue webhooks use, so dispatch plans it ({@code ReleasePlans}: the chosen service's deploy to
 * one environment, with that environment's approval rules) and the same state machine runs it. The
 * build id comes from Slack's request id, so a repeated request is one build.
 *
 * <p>What can be checked from the records is checked here, before anything is queued, and refused
 * with a reason: an unknown service or build, an environment the service never ran in, nothing to
 * roll back to. What only the pipeline file at the build's commit knows (the {@code chat} trigger,
 * the environments it declares) is checked too when a preflight {@link PipelineSource} is given
 * (slipway up); otherwise dispatch decides it and ends the build with the reason.
 */
public final class ChatReleases {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private final ReleaseLookup lookup;
    private final BuildQueue queue;
    private final Optional<PipelineSource> preflight;
    private final Clock clock;

    /** Without a preflight: what only the pipeline file knows is decided by dispatch (the cloud bot reads no git). */
    public ChatReleases(ReleaseLookup lookup, BuildQueue queue, Clock clock) {
        this(lookup, queue, Optional.empty(), clock);
    }

    /**
     * @param preflight where the pipeline file is read before anything is queued, so that a
     *                  {@code chat: false} pipeline or an environment it does not declare is refused
     *                  to the requester at once, by the same planner as dispatch (a shallow read:
     *                  on one machine, where repositories are local paths)
     */
    public ChatReleases(ReleaseLookup lookup, BuildQueue queue, Optional<PipelineSource> preflight, Clock clock) {
        this.lookup = lookup;
        this.queue = queue;
        this.preflight = preflight;
        this.clock = clock;
    }

    /** {@code /rollback <service> [<env>] [to #<build>|<image>]}: without a target, the last good image before the current one. */
    public Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException {
        String service = rollback.service();
        Deployment current = lookup.current(service, rollback.environment());
        String environment = current.target().environment();
        String image;
        Optional<BuildRecord> source;
        if (rollback.target().isEmpty()) {
            Deployment good = lookup.previousGood(current.target(), current.image()).orElseThrow(() ->
                    new ReleaseActionRefusedException("Nothing to roll back to: `" + service + "` in " + environment
                            + " has run no other image healthily than " + current.image() + "."));
            image = good.image();
            source = lookup.build(good.build());
        } else if (rollback.target().get() instanceof SlashCommand.BuildRef ref) {
            BuildRecord build = lookup.build(ref.id());
            image = ReleaseLookup.imageOf(build, service);
            source = Optional.of(build);
        } else {
            image = ((SlashCommand.ImageRef) rollback.target().get()).image();
            Deployment ran = lookup.ranImage(current.target(), image).orElseThrow(() ->
                    new ReleaseActionRefusedException("`" + image + "` never ran healthily in " + environment
                            + "; `/status " + service + "` shows what runs where, or name a build: `to #<build>`."));
            source = lookup.build(ran.build());
        }
        if (image.equals(current.image())) {
            throw new ReleaseActionRefusedException("`" + service + "` in " + environment + " already runs " + image
                    + "; nothing to roll back.");
        }
        BuildRecord from = source.isPresent() ? source.get() : lookup.deployedBuild(service);
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, service, environment, image,
                source.map(BuildRecord::id).orElse(null), current.image());
        BuildId id = enqueue(requester, Checkout.of(from), order, "/rollback " + service + " " + environment);
        return new Accepted(id.value(), "Rollback #" + id + ": `" + service + "` in " + environment + " from "
                + current.image() + " to " + image + source.map(b -> " (build #" + b.id() + ")").orElse("")
                + ", with " + environment + "'s approval rules; its message follows.");
    }

    /** {@code /deploy <service> [<ref>|#<build>] [to <env>]}: without a source, the service's latest good build. */
    public Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException {
        String service = deploy.service();
        String where = deploy.environment().map(e -> " to " + e).orElse(" to its first environment");
        Optional<SlashCommand.Source> source = deploy.source();
        if (source.isPresent() && source.get() instanceof SlashCommand.GitRef ref) {
            BuildRecord known = lookup.deployedBuild(service);
            ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, service, deploy.environment().orElse(null),
                    null, null, null);
            BuildId id = enqueue(requester, Checkout.of(known, ref.ref()), order, "/deploy " + service + " " + ref.ref());
            return new Accepted(id.value(), "Build #" + id + " builds " + known.repo() + " " + ref.ref() + " and deploys `"
                    + service + "`" + where + "; its message follows.");
        }
        BuildRecord build;
        if (source.isPresent()) {
            build = lookup.build(((SlashCommand.BuildRef) source.get()).id());
        } else {
            String repo = lookup.deployedBuild(service).repo();
            build = lookup.latestGoodBuild(repo, service).orElseThrow(() -> new ReleaseActionRefusedException(
                    "No successful build of " + repo + " pushed an image of `" + service + "` recently; push, or name"
                            + " a ref: `/deploy " + service + " main`."));
        }
        String image = ReleaseLookup.imageOf(build, service);
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, service, deploy.environment().orElse(null),
                image, build.id(), null);
        BuildId id = enqueue(requester, Checkout.of(build), order, "/deploy " + service + " #" + build.id());
        return new Accepted(id.value(), "Deploy #" + id + ": `" + service + "` build #" + build.id() + " (" + image + ")"
                + where + ", with the environment's approval rules; its message follows.");
    }

    /** Where a release's pipeline file is read and what the build message names: a repository at a ref. */
    private record Checkout(Repository repo, String ref, String commit, String branch, String tag) {

        /** The commit a recorded build built. */
        static Checkout of(BuildRecord build) {
            BuildRequest r = build.request();
            return new Checkout(r.repo(), r.ref(), r.commit(), r.branch(), r.tag());
        }

        /** {@code ref} of {@code build}'s repository: a commit sha, or a branch whose head dispatch pins. */
        static Checkout of(BuildRecord build, String ref) {
            return SHA.matcher(ref).matches() ? new Checkout(build.request().repo(), ref, ref, null, null)
                    : new Checkout(build.request().repo(), "refs/heads/" + ref, null, ref, null);
        }
    }

    /** Queues the release as a CHAT build named after the Slack request. */
    private BuildId enqueue(Requester requester, Checkout source, ReleaseOrder order, String title)
            throws ReleaseActionRefusedException {
        BuildId id = BuildId.forDelivery(Provider.SLACK, requester.requestId());
        BuildRequest request = new BuildRequest(id, Provider.SLACK, requester.requestId(), EventKind.CHAT, source.repo(),
                source.ref(), source.commit(), source.branch(), source.tag(), null, requester.userId(), false,
                title + " by " + requester.userId(), clock.instant(), order);
        refuseIfNotPlanned(request);
        try {
            queue.enqueue(request);
        } catch (BuildQueueUnavailableException e) {
            throw new IllegalStateException("the build queue did not accept build " + id + ": " + e.getMessage(), e);
        }
        return id;
    }

    /** What dispatch would decide, decided now with the requester still there to read why. */
    private void refuseIfNotPlanned(BuildRequest request) throws ReleaseActionRefusedException {
        if (preflight.isEmpty()) {
            return;
        }
        PipelineFile file;
        try {
            file = preflight.get().read(request);
        } catch (PipelineSourceUnavailableException e) {
            return; // The repository is unreachable now: dispatch retries, and decides then.
        }
        if (file instanceof PipelineFile.Absent absent) {
            throw new ReleaseActionRefusedException(absent.message() + "; " + absent.hint() + ".");
        }
        PipelineFile.Found found = (PipelineFile.Found) file;
        LintReport report = PipelineLoader.load(found.path(), found.text());
        BuildDecision decision = BuildPlanner.decide(request.commit() == null ? request.withCommit(found.commit()) : request,
                report);
        if (decision instanceof BuildDecision.NotTriggered skipped) {
            throw new ReleaseActionRefusedException("Not started: " + skipped.reason() + " in " + request.repo().fullName()
                    + "'s .slipway.yml" + (skipped.reason().contains("on.chat") ? "; add `chat: true` under `on:` to allow"
                    + " /deploy and /rollback." : "."));
        }
        if (decision instanceof BuildDecision.Rejected rejected) {
            throw new ReleaseActionRefusedException("Not started: " + request.repo().fullName() + "'s .slipway.yml has "
                    + rejected.problems().size() + " error(s) at that commit; run `slipway lint` on it.");
        }
    }
}
