package dev.slipway.bot.model;

import dev.slipway.core.approval.Approval;
import java.net.URI;

/**
 * An approval with what its message shows beside it, taken from the build: the service, the
 * commit, a link to the changes being deployed, and the build's page.
 *
 * @param service the service deployed (the pipeline file's {@code service}, or the release member)
 * @param diffUrl the changes since what the environment runs, or the commit when nothing runs yet
 */
public record ApprovalView(Approval approval, String service, String commit, URI diffUrl, URI buildUrl) {
}
