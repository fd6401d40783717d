package dev.slipway.core.pipeline;

/**
 * What a command stage's task asks for.
 *
 * @param cpu       vCPUs, more than 0 and at most 16
 * @param memoryMib memory in MiB
 */
public record Resources(double cpu, long memoryMib) {

    public static final Resources DEFAULT = new Resources(1, 2048);
}
