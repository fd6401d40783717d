package dev.slipway.functions.aws;

/** The DynamoDB tables Slipway keeps its records in (one per kind of record). */
public record TableNames(String builds, String deployments, String approvals, String deliveries) {

    /** {@code <prefix>builds}, {@code <prefix>deployments}, ...: for one stack, or one test. */
    public static TableNames withPrefix(String prefix) {
        return new TableNames(prefix + "builds", prefix + "deployments", prefix + "approvals", prefix + "deliveries");
    }
}
