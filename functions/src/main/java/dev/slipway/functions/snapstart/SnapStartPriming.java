package dev.slipway.functions.snapstart;

import java.lang.System.Logger.Level;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot, one real, signed request goes through the
 * whole handler, so that the classes and code paths of a request are loaded and initialised in the
 * snapshot rather than on the first request after a restore. A priming that fails is logged and
 * does not stop the snapshot: the function still works, only colder.
 */
public abstract class SnapStartPriming implements Resource {

    private static final System.Logger LOG = System.getLogger(SnapStartPriming.class.getName());

    /** Sends the priming request through the handler and returns its HTTP status. */
    public abstract int prime();

    /** What the priming request is, for the log. */
    protected abstract String request();

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            int status = prime();
            if (status != 200) {
                LOG.log(Level.WARNING, "SnapStart priming: {0} was answered {1}, not 200", request(), status);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SnapStart priming failed; the snapshot is taken unprimed", e);
        }
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: clients open new connections as they need them.
    }
}
