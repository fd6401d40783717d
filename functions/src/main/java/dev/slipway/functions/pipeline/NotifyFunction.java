package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.scm.CommitStatusRejectedException;
import dev.slipway.core.scm.CommitStatuses.CommitState;

/**
 * Posts or updates the build's message and sets the commit status on the SCM, with a link to the
 * build. Called when the build starts and when it ends. A rejected commit status (a token without
 * the scope, say) is reported on stderr and does not fail the build: the build's outcome is already
 * decided and recorded. Input: {@code {event: started|finished, buildId, notify: {channel, messageRef}}};
 * answers {@code {channel, messageRef}} for the states after it.
 */
public final class NotifyFunction extends JsonFunction {

    private final PipelineServices services;

    public NotifyFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public NotifyFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        BuildRecord build = services.builds().find(id).orElseThrow();
        String channel = Payloads.channel(payload);
        String ref = services.notifier().buildChanged(build, channel, Payloads.messageRef(payload));
        setStatus(build, Payloads.text(payload, "event"));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("channel", channel);
        answer.put("messageRef", ref == null ? "" : ref);
        return answer;
    }

    private void setStatus(BuildRecord build, String event) {
        BuildRequest request = build.request();
        if (request.commit() == null || !request.provider().isScm()) {
            return;
        }
        CommitState state = event.equals("started") ? CommitState.RUNNING : switch (build.status()) {
            case SUCCEEDED -> CommitState.SUCCESS;
            case CANCELLED -> CommitState.CANCELLED;
            case QUEUED, RUNNING, WAITING_APPROVAL -> CommitState.RUNNING;
            case FAILED, ROLLED_BACK -> CommitState.FAILURE;
        };
        String description = build.reason() == null ? "build " + build.status().name().toLowerCase(java.util.Locale.ROOT)
                : build.reason();
        try {
            services.commitStatuses().set(request.provider(), request.repo(), request.commit(), state,
                    description.length() > 140 ? description.substring(0, 137) + "..." : description,
                    services.buildUrl(id(build)));
        } catch (CommitStatusRejectedException e) {
            System.err.println("slipway notify: commit status of build " + build.id() + " not set: " + e.getMessage());
        }
    }

    private static String id(BuildRecord build) {
        return build.id().value();
    }
}
