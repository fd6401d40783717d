package dev.slipway.core.task;

/**
 * CPU and memory for a task or one container, in the units ECS uses.
 *
 * @param cpuUnits 1024 units are one vCPU; 0 means no limit
 * @param memoryMiB hard memory limit in MiB; 0 means no limit
 */
public record Resources(int cpuUnits, int memoryMiB) {

    public static final Resources UNLIMITED = new Resources(0, 0);

    public Resources {
        if (cpuUnits < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("cpu units and memory must not be negative: " + cpuUnits + ", " + memoryMiB);
        }
    }

    /** From a pipeline file's {@code cpu: 0.5} (vCPU) and memory in MiB. */
    public static Resources of(double vcpu, int memoryMiB) {
        return new Resources((int) Math.round(vcpu * 1024), memoryMiB);
    }

    public boolean isUnlimited() {
        return cpuUnits == 0 && memoryMiB == 0;
    }
}
