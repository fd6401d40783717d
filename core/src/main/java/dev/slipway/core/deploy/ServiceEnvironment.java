package dev.slipway.core.deploy;

/** One environment of one service: the unit deployments, history and deploy locks are kept per. */
public record ServiceEnvironment(String service, String environment) {

    public ServiceEnvironment {
        if (service == null || service.isBlank() || environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("a deployment target needs a service and an environment, got "
                    + service + "/" + environment);
        }
    }

    @Override
    public String toString() {
        return service + "/" + environment;
    }
}
