package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;

/** A function registered in-process in place of an AWS Lambda function. It may block; it runs off the engine threads. */
@FunctionalInterface
public interface LambdaFunction {
    JsonNode handle(JsonNode payload) throws Exception;
}
