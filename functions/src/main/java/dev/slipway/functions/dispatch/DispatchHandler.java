package dev.slipway.functions.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.wiring.Wiring;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda entry point for the builds queue (SQS event source with {@code ReportBatchItemFailures}):
 * each message is one {@link BuildRequest}. Messages that fail are reported by id, so only they
 * return to the queue; after the queue's maxReceiveCount they move to the dead-letter queue.
 */
public final class DispatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final System.Logger LOG = System.getLogger(DispatchHandler.class.getName());

    private final Dispatcher dispatcher;

    /** Used by Lambda: clients and tables from the environment (see {@link Wiring}). */
    public DispatchHandler() {
        this(Wiring.fromEnvironment().dispatcher());
    }

    public DispatchHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                BuildRequest request = SlipwayJson.read(message.getBody(), BuildRequest.class);
                DispatchOutcome outcome = dispatcher.dispatch(request);
                LOG.log(Level.INFO, "message {0}: build {1} {2} ({3})", message.getMessageId(), outcome.build(),
                        outcome.status(), outcome.note());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "message " + message.getMessageId() + " failed; it will be retried", e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
