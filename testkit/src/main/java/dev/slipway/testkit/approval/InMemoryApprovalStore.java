package dev.slipway.testkit.approval;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalNotFoundException;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.approval.ApprovalVersionConflictException;
import dev.slipway.core.build.BuildId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ApprovalStore} in a map; passes {@code ApprovalStoreContract}. */
public final class InMemoryApprovalStore implements ApprovalStore {

    private final Map<String, Approval> approvals = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(Approval approval) {
        if (approval.version() != 0) {
            throw new IllegalArgumentException("approval " + approval.id() + " has version " + approval.version()
                    + ": create takes a request that was never stored (version 0)");
        }
        return approvals.putIfAbsent(approval.id(), approval.withVersion(1)) == null;
    }

    @Override
    public synchronized Optional<Approval> find(String id) {
        return Optional.ofNullable(approvals.get(id));
    }

    @Override
    public synchronized Approval update(Approval changed) {
        Approval stored = approvals.get(changed.id());
        if (stored == null) {
            throw new ApprovalNotFoundException(changed.id());
        }
        if (stored.version() != changed.version()) {
            throw new ApprovalVersionConflictException(changed.id(), changed.version());
        }
        Approval written = changed.withVersion(changed.version() + 1);
        approvals.put(written.id(), written);
        return written;
    }

    @Override
    public synchronized List<Approval> open(Instant now) {
        return approvals.values().stream().filter(a -> a.isOpen(now))
                .sorted(Comparator.comparing(Approval::expiresAt).thenComparing(Approval::id)).toList();
    }

    @Override
    public synchronized List<Approval> forBuild(BuildId build) {
        return approvals.values().stream().filter(a -> a.build().equals(build))
                .sorted(Comparator.comparing(Approval::createdAt).thenComparing(Approval::id)).toList();
    }
}
