package dev.slipway.bot.approval;

import dev.slipway.bot.model.ApprovalView;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import java.net.URI;
import java.util.Optional;

/** Puts an approval together with what its message shows from the build: commit, links, service. */
public final class ApprovalViews {

    private final BuildStore builds;
    private final URI pagesBase;

    /** @param pagesBase where build pages live; a build's page is {@code <base>/builds/<id>} */
    public ApprovalViews(BuildStore builds, URI pagesBase) {
        this.builds = builds;
        this.pagesBase = pagesBase;
    }

    public ApprovalView of(Approval approval) {
        Optional<BuildRecord> build = builds.find(approval.build());
        String commit = build.map(b -> b.request().commit()).orElse(null);
        URI buildUrl = buildUrl(approval.build().value());
        URI diffUrl = build.filter(b -> b.request().repo().webUrl() != null && commit != null)
                .map(b -> URI.create(b.request().repo().webUrl() + "/commit/" + commit))
                .orElse(buildUrl);
        return new ApprovalView(approval, serviceName(approval, build), commit, diffUrl, buildUrl);
    }

    /**
     * The service an approval is for: the release member, or for a single-service file the
     * repository's name (approvals of single-service files do not record the service).
     */
    public static String serviceName(Approval approval, Optional<BuildRecord> build) {
        if (approval.service() != null) {
            return approval.service();
        }
        return build.map(b -> b.repo().substring(b.repo().lastIndexOf('/') + 1)).orElse("build");
    }

    public URI buildUrl(String buildId) {
        String base = pagesBase.toString().endsWith("/") ? pagesBase.toString() : pagesBase + "/";
        return URI.create(base + "builds/" + buildId);
    }
}
