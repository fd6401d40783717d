package dev.slipway.functions.wiring;

/** A setting the function needs is not in its environment. */
public final class WiringIncompleteException extends IllegalStateException {

    public WiringIncompleteException(String variable, String what) {
        super("environment variable " + variable + " is not set: it must hold " + what
                + " (template.yaml sets it in the cloud; the embedded runtime sets it locally)");
    }
}
