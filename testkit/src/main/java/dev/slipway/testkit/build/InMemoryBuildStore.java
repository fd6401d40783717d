package dev.slipway.testkit.build;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildNotFoundException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.BuildVersionConflictException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** A {@link BuildStore} in a map; passes {@code BuildStoreContract}. */
public final class InMemoryBuildStore implements BuildStore {

    static final Comparator<BuildRecord> NEWEST_FIRST = Comparator.comparing(BuildRecord::createdAt)
            .thenComparing(BuildRecord::id).reversed();

    private final Map<BuildId, BuildRecord> builds = new HashMap<>();

    @Override
    public synchronized boolean create(BuildRecord build) {
        requireNew(build);
        return builds.putIfAbsent(build.id(), build.withVersion(1)) == null;
    }

    @Override
    public synchronized Optional<BuildRecord> find(BuildId id) {
        return Optional.ofNullable(builds.get(id));
    }

    @Override
    public synchronized BuildRecord update(BuildRecord changed) {
        BuildRecord stored = builds.get(changed.id());
        if (stored == null) {
            throw new BuildNotFoundException(changed.id());
        }
        if (stored.version() != changed.version()) {
            throw new BuildVersionConflictException(changed.id(), changed.version());
        }
        BuildRecord written = changed.withVersion(changed.version() + 1);
        builds.put(written.id(), written);
        return written;
    }

    @Override
    public List<BuildRecord> latestForRepo(String repo, int limit) {
        return query(b -> b.repo().equals(repo), limit);
    }

    @Override
    public List<BuildRecord> latestForBranch(String repo, String branch, int limit) {
        return query(b -> b.repo().equals(repo) && Objects.equals(b.request().branch(), branch), limit);
    }

    /** Every build, newest first: for assertions. */
    public synchronized List<BuildRecord> all() {
        return builds.values().stream().sorted(NEWEST_FIRST).toList();
    }

    private synchronized List<BuildRecord> query(Predicate<BuildRecord> filter, int limit) {
        return builds.values().stream().filter(filter).sorted(NEWEST_FIRST).limit(limit).toList();
    }

    static void requireNew(BuildRecord build) {
        if (build.version() != 0) {
            throw new IllegalArgumentException("build " + build.id() + " has version " + build.version()
                    + ": create takes a record that was never stored (version 0)");
        }
    }
}
