package dev.slipway.runtime.asl.model;

/** The two query languages a state may use; a state inherits the machine's unless it sets its own. */
public enum QueryLanguage {
    JSONPATH, JSONATA;

    public static QueryLanguage parse(String text) {
        return "JSONata".equals(text) ? JSONATA : JSONPATH;
    }
}
