package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, valid {@code .slipway.yml}: either one service ({@link SingleServicePipeline}) or a
 * {@link ReleasePipeline} of several services deployed in dependency order.
 *
 * <p>Instances only come out of the loader after every check passed, so consumers may rely on the
 * invariants the linter enforces (known environment names in flows, acyclic dependencies, ...).
 */
public sealed interface Pipeline permits SingleServicePipeline, ReleasePipeline {

    /** The format version; only {@code 1} exists. */
    int version();

    Triggers triggers();

    /** Plain environment values given to every command stage; never secrets. */
    Map<String, String> env();

    /** Secret names, resolved at run time from the secret store and exposed as environment variables. */
    List<String> secrets();

    Optional<Notify> notification();

    /** Per-branch overrides; the first matching flow wins, no match runs everything. */
    List<Flow> flows();

    /** The services in deploy order: dependencies before their dependents. */
    List<Service> services();

    /** The flow the given ref selects, if any flow matches. */
    default Optional<Flow> flowFor(GitRef ref) {
        return flows().stream().filter(flow -> flow.matches(ref)).findFirst();
    }
}
