package dev.slipway.functions.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.core.json.SlipwayJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function the pipeline state machine calls with a JSON payload: the same {@link #handle} runs
 * in Lambda ({@link #handleRequest}) and in the embedded engine (registered in process). An
 * exception fails the Task state with the exception's simple class name as the error, which is what
 * the definition's Catch clauses match on.
 */
public abstract class JsonFunction implements RequestStreamHandler {

    protected static final ObjectMapper JSON = SlipwayJson.mapper();

    public abstract JsonNode handle(JsonNode payload);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode result = handle(JSON.readTree(input));
        JSON.writeValue(output, result);
    }
}
