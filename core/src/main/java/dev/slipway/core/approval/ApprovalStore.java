package dev.slipway.core.approval;

import dev.slipway.core.build.BuildId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Approval requests and every decision on them.
 *
 * <p>Contract, checked by {@code ApprovalStoreContract}:
 * <ul>
 *   <li>{@link #create} is conditional: false, and nothing changed, when the id exists (a retried
 *       state machine task creates one request).</li>
 *   <li>{@link #update} writes only if the stored version equals the request's version, storing
 *       version + 1; otherwise {@link ApprovalVersionConflictException} (two people clicking at once:
 *       one re-reads and its decision is judged against the other's). Missing:
 *       {@link ApprovalNotFoundException}.</li>
 *   <li>{@link #open} lists OPEN requests not expired at {@code now}, soonest expiry first. It may lag
 *       writes by a moment (an eventually consistent index); {@link #find} reads its own writes.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
public interface ApprovalStore {

    int MODIFY_ATTEMPTS = 5;

    boolean create(Approval approval);

    Optional<Approval> find(String id);

    Approval update(Approval changed);

    List<Approval> open(Instant now);

    /** Every request of a build, oldest first. */
    List<Approval> forBuild(BuildId build);

    /** Read, apply {@code change} (no side effects: it may run more than once), update; retried on conflict. */
    default Approval modify(String id, UnaryOperator<Approval> change) {
        ApprovalVersionConflictException last = null;
        for (int attempt = 0; attempt < MODIFY_ATTEMPTS; attempt++) {
            Approval current = find(id).orElseThrow(() -> new ApprovalNotFoundException(id));
            Approval changed = change.apply(current);
            if (changed.equals(current)) {
                return current;
            }
            try {
                return update(changed.withVersion(current.version()));
            } catch (ApprovalVersionConflictException e) {
                last = e;
            }
        }
        throw last;
    }
}
