package dev.slipway.bench.engine;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The state machines the engine figures run, as ASL JSON. */
final class Definitions {

    private Definitions() {
    }

    /** {@code states} Pass states in a row, each writing a small result into the state. */
    static String passChain(int states) {
        String all = IntStream.range(0, states).mapToObj(i -> "\"S" + i + "\":{\"Type\":\"Pass\",\"Result\":{\"step\":" + i
                + "},\"ResultPath\":\"$.last\"," + (i + 1 < states ? "\"Next\":\"S" + (i + 1) + "\"" : "\"End\":true") + "}")
                .collect(Collectors.joining(","));
        return "{\"StartAt\":\"S0\",\"States\":{" + all + "}}";
    }

    /** A Map whose every iteration is one Pass state. */
    static String mapOfPass() {
        return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\","
                + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
    }

    static String numbers(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /** One Task that waits for its task token, as a build waits on an approval. */
    static String waitForToken() {
        return "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::ecs:runTask.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\",\"build.$\":\"$.build\"},\"End\":true}}}";
    }

    static String onePass() {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    }
}
