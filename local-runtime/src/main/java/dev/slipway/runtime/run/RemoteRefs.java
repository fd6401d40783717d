package dev.slipway.runtime.run;

import dev.slipway.core.scm.EventKind;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;

/** The commit a ref of a remote repository points at (a build request names a commit, not a ref). */
final class RemoteRefs {

    private RemoteRefs() {
    }

    static String resolve(String url, EventKind event, String ref) {
        String full = (event == EventKind.TAG ? "refs/tags/" : "refs/heads/") + ref;
        try {
            Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(url).setHeads(true).setTags(true).callAsMap();
            Ref found = refs.get(full);
            if (found == null) {
                throw new IllegalArgumentException(url + " has no " + full + ": pass --ref with an existing "
                        + (event == EventKind.TAG ? "tag" : "branch"));
            }
            return found.getPeeledObjectId() != null ? found.getPeeledObjectId().name() : found.getObjectId().name();
        } catch (GitAPIException e) {
            throw new IllegalArgumentException("cannot list the refs of " + url + ": " + e.getMessage(), e);
        }
    }
}
