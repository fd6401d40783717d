package dev.slipway.core.build;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where build records live (DynamoDB in the cloud and on one machine, a map in tests).
 *
 * <p>Contract, checked by {@code BuildStoreContract} in the testkit for every implementation:
 * <ul>
 *   <li>{@link #create} is a conditional write: the first record with an id wins; creating it again
 *       returns false and changes nothing. Safe to call twice (a redelivered queue message).</li>
 *   <li>{@link #update} is optimistic: it writes only when the stored version equals the record's
 *       version, and stores version + 1. A concurrent writer gets {@link BuildVersionConflictException};
 *       a missing build {@link BuildNotFoundException}. Use {@link #modify} to re-read and retry.</li>
 *   <li>Queries return newest first (by {@code createdAt}, ties by id) and at most {@code limit}
 *       records; they may lag a write by a moment (DynamoDB global secondary indexes are eventually
 *       consistent) but {@link #find} reads its own writes.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface BuildStore {

    /** How often {@link #modify} re-reads after a conflict before giving up. */
    int MODIFY_ATTEMPTS = 5;

    /** Stores a new build (its version must be 0) as version 1; false when the id already exists. */
    boolean create(BuildRecord build);

    Optional<BuildRecord> find(BuildId id);

    /** Writes {@code changed} if the stored version is still {@code changed.version()}; returns it as stored. */
    BuildRecord update(BuildRecord changed);

    /** The latest builds of a repository ({@code owner/name}), newest first. */
    List<BuildRecord> latestForRepo(String repo, int limit);

    /** The latest builds of one branch of a repository, newest first (pull requests count for their source branch). */
    List<BuildRecord> latestForBranch(String repo, String branch, int limit);

    /**
     * Reads the build, applies {@code change} and updates it, re-reading and re-applying on a
     * version conflict. {@code change} may run several times, so it must not have side effects.
     */
    default BuildRecord modify(BuildId id, UnaryOperator<BuildRecord> change) {
        BuildVersionConflictException last = null;
        for (int attempt = 0; attempt < MODIFY_ATTEMPTS; attempt++) {
            BuildRecord current = find(id).orElseThrow(() -> new BuildNotFoundException(id));
            BuildRecord changed = change.apply(current);
            if (changed.equals(current)) {
                return current;
            }
            try {
                return update(changed.withVersion(current.version()));
            } catch (BuildVersionConflictException e) {
                last = e;
            }
        }
        throw last;
    }
}
