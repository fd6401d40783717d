package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Approval;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** {@code approval:} on a stage or an environment. */
final class ApprovalReader {

    static final List<String> KEYS = List.of("approvers", "required", "expires", "allow_self_approval");

    /** Slack ids: users U…/W… (Enterprise Grid), user groups S…. */
    private static final Pattern SLACK_ID = Pattern.compile("[UWS][A-Z0-9]{2,}");

    private ApprovalReader() {
    }

    static Optional<Approval> read(MappingReader parent) {
        return parent.mapping("approval", KEYS).flatMap(ApprovalReader::approval);
    }

    private static Optional<Approval> approval(MappingReader approval) {
        Optional<List<String>> approvers = approvers(approval);
        Optional<Long> required = approval.integer("required", 1, 100);
        Duration expires = approval.duration("expires", false).orElse(Approval.DEFAULT_EXPIRES);
        boolean self = approval.bool("allow_self_approval").orElse(false);
        if (approvers.isPresent() && required.isPresent() && !reachable(approvers.get(), required.get())) {
            Node at = approval.value("required").orElseThrow();
            approval.problems().error(at, approval.pathOf("required"), "invalid-value", "`required` is "
                    + required.get() + " but only " + approvers.get().size() + " approver(s) are listed",
                    "lower `required` or add approvers (a user group `S…` may give several approvals)");
        }
        return approvers.filter(list -> !list.isEmpty())
                .map(list -> new Approval(list, required.orElse(1L).intValue(), expires, self));
    }

    /** Whether {@code required} distinct approvals can come from these approvers; a group may give many. */
    private static boolean reachable(List<String> approvers, long required) {
        return approvers.isEmpty() || required <= approvers.size() || approvers.stream().anyMatch(a -> a.startsWith("S"));
    }

    private static Optional<List<String>> approvers(MappingReader approval) {
        String hint = "list who may approve: Slack user ids (U…) or user group ids (S…),"
                + " e.g. `approvers: [U012ABCDEF]`";
        if (!approval.has("approvers")) {
            approval.missing("approvers", "missing-approvers", "this approval has no `approvers`, so nobody"
                    + " could ever approve it", hint);
            return Optional.empty();
        }
        Node node = approval.value("approvers").orElseThrow();
        if (node instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            approval.problems().error(node, approval.pathOf("approvers"), "missing-approvers",
                    "`approvers` is empty, so nobody could ever approve", hint);
            return Optional.empty();
        }
        return approval.listOf("approvers", ApprovalReader::approver);
    }

    private static Optional<String> approver(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(id -> {
            if (SLACK_ID.matcher(id).matches()) {
                return true;
            }
            problems.error(node, path, "invalid-approver", "\"" + id + "\" is not a Slack user id or user group id",
                    "use the id, not the name: in Slack open the profile, ⋮ → Copy member ID (U…),"
                            + " or the user group's id (S…)");
            return false;
        });
    }
}
