package dev.slipway.bot.approval;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.StageNames;

/** Words for what an approval guards: an environment's deploy, or a stage. */
public final class ApprovalTargets {

    private ApprovalTargets() {
    }

    /** The environment for a deploy approval ({@code deploy:production}), else empty. */
    public static java.util.Optional<String> environment(Approval approval) {
        return approval.stage().startsWith(StageNames.DEPLOY_PREFIX)
                ? java.util.Optional.of(approval.stage().substring(StageNames.DEPLOY_PREFIX.length()))
                : java.util.Optional.empty();
    }

    /** "production", or "the post_build stage"; with the service of a release in front. */
    public static String describe(Approval approval) {
        String what = environment(approval).orElse("the " + approval.stage() + " stage");
        return approval.service() == null ? what : approval.service() + " " + what;
    }

    /** Where the approvers come from in the pipeline file. */
    public static String approversKey(Approval approval) {
        String base = environment(approval).map(env -> "deploy." + env).orElse(approval.stage());
        return (approval.service() == null ? "" : "release." + approval.service() + ".") + base + ".approval.approvers";
    }

    public static String howToRetry(Approval approval) {
        return environment(approval)
                .map(env -> "Deploy it again with `/deploy " + (approval.service() == null ? "<service>" : approval.service())
                        + " #" + approval.build() + " to " + env + "`.")
                .orElse("Start the build again with `/build`.");
    }
}
