package dev.slipway.core.lint;

import dev.slipway.core.pipeline.CommandStage;
import dev.slipway.core.pipeline.Resources;
import dev.slipway.core.pipeline.ServiceContainer;
import dev.slipway.core.pipeline.StageKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** The command stages: {@code integration}, {@code pre_build} and {@code post_build}. */
final class StageReader {

    private static final List<String> COMMAND_KEYS = List.of(
            "image", "commands", "env", "services", "timeout", "retry", "resources", "approval");
    private static final List<String> PRE_BUILD_KEYS = List.of(
            "image", "commands", "env", "services", "outputs", "timeout", "retry", "resources", "approval");
    static final int MAX_RETRY = 5;

    private StageReader() {
    }

    static Optional<CommandStage> command(MappingReader parent, StageKind kind) {
        List<String> keys = kind == StageKind.PRE_BUILD ? PRE_BUILD_KEYS : COMMAND_KEYS;
        return parent.mapping(kind.key(), keys).flatMap(stage -> commandStage(stage, kind));
    }

    private static Optional<CommandStage> commandStage(MappingReader stage, StageKind kind) {
        if (!stage.has("image")) {
            stage.missing("image", "missing-image", "the `" + kind.key() + "` stage has no `image` to run its"
                    + " commands in", "add `image:` with the image to run the commands in, e.g. slipway/jre:17");
        }
        Optional<String> image = stage.get("image", ImageRefs::imageWithTag);
        stage.requireKey("commands", "add `commands:` with the list of shell commands to run");
        Optional<List<String>> commands = stage.words("commands");
        commands.filter(List::isEmpty).ifPresent(empty -> stage.problems().error(
                stage.value("commands").orElseThrow(), stage.pathOf("commands"), "invalid-value",
                "`" + stage.pathOf("commands") + "` is empty", "list at least one command, or remove the stage"));
        Map<String, String> env = EnvReader.read(stage, "env");
        List<ServiceContainer> services = ServiceContainerReader.readAll(stage);
        List<String> outputs = stage.listOf("outputs", StageReader::output).orElse(List.of());
        Duration timeout = stage.duration("timeout", false).orElse(CommandStage.DEFAULT_TIMEOUT);
        int retry = stage.integer("retry", 0, MAX_RETRY).orElse(0L).intValue();
        Resources resources = stage.mapping("resources", List.of("cpu", "memory"))
                .map(StageReader::resources).orElse(Resources.DEFAULT);
        var approval = ApprovalReader.read(stage);
        if (image.isEmpty() || commands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandStage(kind, image.get(), commands.get(), env, services, outputs,
                timeout, retry, resources, approval));
    }

    private static Optional<String> output(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(output -> {
            Optional<String> escape = Formats.escapesWorkspace(output);
            escape.ifPresent(why -> problems.error(node, path, "path-escapes-workspace",
                    "output \"" + output + "\" " + why,
                    "outputs are kept from the workspace only: use a path relative to it, such as build/libs/"));
            return escape.isEmpty();
        });
    }

    private static Resources resources(MappingReader resources) {
        double cpu = resources.get("cpu", Values::number).filter(value -> {
            if (value > 0 && value <= 16) {
                return true;
            }
            resources.problems().error(resources.value("cpu").orElseThrow(), resources.pathOf("cpu"),
                    "invalid-value", "`cpu` is " + value + ", outside 0 to 16 vCPU",
                    "ask for a number of vCPUs such as 0.5, 1, 2 or 4");
            return false;
        }).orElse(Resources.DEFAULT.cpu());
        long memory = resources.get("memory", Formats::sizeMib).orElse(Resources.DEFAULT.memoryMib());
        return new Resources(cpu, memory);
    }
}
