package dev.slipway.statemachine;

import dev.slipway.core.scm.CommitStatuses;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records commit statuses; the HTTP adapter has its own tests against the SCM fakes. */
final class RecordingCommitStatuses implements CommitStatuses {

    final List<CommitState> states = new CopyOnWriteArrayList<>();
    final List<URI> links = new CopyOnWriteArrayList<>();

    @Override
    public void set(Provider provider, Repository repo, String commit, CommitState state, String description, URI targetUrl) {
        states.add(state);
        links.add(targetUrl);
    }
}
