package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Stages;
import dev.slipway.core.pipeline.StageKind;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The five stage keys of a service, at the top of the file or under a service of a release. */
final class StagesReader {

    static final List<String> STAGE_KEYS = Arrays.stream(StageKind.values()).map(StageKind::key).toList();

    private StagesReader() {
    }

    static Stages read(MappingReader service, String serviceName) {
        Stages stages = new Stages(
                StageReader.command(service, StageKind.INTEGRATION),
                StageReader.command(service, StageKind.PRE_BUILD),
                BuildReader.read(service),
                StageReader.command(service, StageKind.POST_BUILD),
                DeployReader.read(service));
        if (STAGE_KEYS.stream().noneMatch(service::has)) {
            service.problems().warning(service.node(), service.path(), "no-stages", "service `" + serviceName
                    + "` has no stages, so its builds do nothing",
                    "add at least one of " + String.join(", ", STAGE_KEYS));
        }
        return stages;
    }

    /** The environment names a service's deploy defines, in file order. */
    static Set<String> environments(MappingReader service) {
        Set<String> names = new LinkedHashSet<>();
        service.value("deploy").flatMap(node -> MappingReader.read(node, "", new Problems(""), null))
                .ifPresent(deploy -> deploy.entries().forEach(e -> names.add(e.key())));
        return names;
    }
}
