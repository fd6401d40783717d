package dev.slipway.runtime.up;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.Repository;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The configured repositories ({@code acme/api} → a path or URL) applied to queued build requests
 * before dispatch sees them, so a webhook from GitHub for {@code acme/api} builds from the local
 * clone. Applied once, at the queue, so the build record, the checkout and the page all name the
 * same source. A local path needs no token, so such a repository counts as public.
 */
public final class RepositoryMapping implements UnaryOperator<String> {

    private final Map<String, String> cloneUrls;

    public RepositoryMapping(Map<String, String> cloneUrls) {
        this.cloneUrls = Map.copyOf(cloneUrls);
    }

    public BuildRequest apply(BuildRequest request) {
        String url = cloneUrls.get(request.repo().fullName());
        if (url == null || url.equals(request.repo().cloneUrl())) {
            return request;
        }
        Repository old = request.repo();
        boolean local = url.startsWith("file:");
        Repository mapped = new Repository(old.fullName(), url, old.webUrl(), !local && old.isPrivate());
        return new BuildRequest(request.id(), request.provider(), request.deliveryId(), request.event(), mapped,
                request.ref(), request.commit(), request.branch(), request.tag(), request.pullRequest(), request.actor(),
                request.untrusted(), request.title(), request.receivedAt(), request.release());
    }

    /** A queue message body (a {@link BuildRequest} as JSON), mapped; bodies that are not requests pass unchanged for dispatch to reject. */
    @Override
    public String apply(String body) {
        BuildRequest request;
        try {
            request = SlipwayJson.read(body, BuildRequest.class);
        } catch (RuntimeException e) {
            return body;
        }
        BuildRequest mapped = apply(request);
        return mapped == request ? body : SlipwayJson.write(mapped);
    }
}
