package dev.slipway.core.pipeline;

/** One stage of a service's pipeline. */
public sealed interface Stage permits CommandStage, BuildStage, Deploy {

    StageKind kind();
}
