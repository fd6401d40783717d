package dev.slipway.builder;

import dev.slipway.builder.docker.DockerClients;
import dev.slipway.builder.git.Checkout;
import dev.slipway.builder.git.CheckoutRequest;
import dev.slipway.builder.image.ImageBuildRequest;
import dev.slipway.builder.image.ImageBuilder;
import dev.slipway.builder.outputs.Outputs;
import dev.slipway.core.artifact.DirectoryArtifactStore;
import dev.slipway.core.task.ContainerSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code slipway-builder}: the commands a stage task runs besides the user's own. Exit codes: 0
 * done, 1 failed (the last line says why), 2 wrong command line.
 */
public final class Main {

    static final String USAGE = """
            usage: slipway-builder <command> [options]
              checkout --repo URL --commit SHA [--ref REF] [--dir /workspace]
                  [--restore-outputs --build ID [--outputs-of STAGE_PREFIX]]
                  https token from $SLIPWAY_GIT_TOKEN (user $SLIPWAY_GIT_USERNAME, default x-access-token)
              restore-outputs --build ID [--dir /workspace] [--outputs-of STAGE_PREFIX]
              save-outputs --build ID --stage STAGE [--dir /workspace] PATH...
              build-image --repository HOST/NAME --tag TAG... [--context DIR] [--dockerfile FILE]
                  [--build-arg K=V]... [--label K=V]...
                  registry login from $SLIPWAY_REGISTRY_USERNAME and $SLIPWAY_REGISTRY_PASSWORD
            the artifact store is the directory in $SLIPWAY_ARTIFACTS (or --store DIR)
            """;

    private final Map<String, String> env;
    private final PrintStream out;

    Main(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.getenv(), System.out).run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        try {
            if (args.isEmpty()) {
                throw new Args.UsageException("no command given");
            }
            Args options = Args.parse(args.subList(1, args.size()), Set.of("restore-outputs"));
            dispatch(args.get(0), options);
            return 0;
        } catch (Args.UsageException e) {
            out.println("slipway-builder: " + e.getMessage());
            out.print(USAGE);
            return 2;
        } catch (BuilderFailedException e) {
            out.println("slipway-builder: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("slipway-builder: I/O failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("slipway-builder: interrupted");
            return 1;
        } catch (RuntimeException e) {
            // A bug or an unexpected daemon answer: the trace helps a maintainer, the last line says what failed.
            e.printStackTrace(out);
            out.println("slipway-builder: " + args.get(0) + " failed unexpectedly: " + e);
            return 1;
        }
    }

    private void dispatch(String command, Args a) throws Args.UsageException, BuilderFailedException, IOException,
            InterruptedException {
        switch (command) {
            case "checkout" -> checkout(a);
            case "restore-outputs" -> outputs(a).restore(a.required("build"), workspace(a), a.optional("outputs-of").orElse(""));
            case "save-outputs" -> {
                if (a.positional().isEmpty()) {
                    throw new Args.UsageException("save-outputs needs at least one PATH");
                }
                outputs(a).save(a.required("build"), a.required("stage"), workspace(a), a.positional());
            }
            case "build-image" -> buildImage(a);
            default -> throw new Args.UsageException("unknown command " + command);
        }
    }

    private void checkout(Args a) throws Args.UsageException, BuilderFailedException, IOException {
        var request = new CheckoutRequest(a.required("repo"), a.required("commit"), a.optional("ref"), workspace(a),
                Optional.ofNullable(env.get("SLIPWAY_GIT_TOKEN")).filter(t -> !t.isEmpty()),
                env.getOrDefault("SLIPWAY_GIT_USERNAME", "x-access-token"));
        new Checkout(out).run(request);
        if (a.flag("restore-outputs")) {
            outputs(a).restore(a.required("build"), workspace(a), a.optional("outputs-of").orElse(""));
        }
    }

    private void buildImage(Args a) throws Args.UsageException, BuilderFailedException, InterruptedException {
        Path context = workspace(a).resolve(a.optional("context").orElse(".")).normalize();
        Path dockerfile = workspace(a).resolve(a.optional("dockerfile").orElse("Dockerfile")).normalize();
        if (a.all("tag").isEmpty()) {
            throw new Args.UsageException("build-image needs at least one --tag");
        }
        var request = new ImageBuildRequest(context, dockerfile, a.required("repository"), a.all("tag"), a.pairs("build-arg"),
                a.pairs("label"), Optional.ofNullable(env.get("SLIPWAY_REGISTRY_USERNAME")),
                Optional.ofNullable(env.get("SLIPWAY_REGISTRY_PASSWORD")));
        try (var docker = DockerClients.fromEnvironment()) {
            new ImageBuilder(docker, out).buildAndPush(request);
        } catch (IOException e) {
            throw new BuilderFailedException("could not close the Docker connection: " + e.getMessage(), e);
        }
    }

    private Outputs outputs(Args a) throws Args.UsageException {
        String store = a.optional("store").or(() -> Optional.ofNullable(env.get(ContainerSpec.ARTIFACTS_ENV)))
                .orElseThrow(() -> new Args.UsageException("no artifact store: set $" + ContainerSpec.ARTIFACTS_ENV + " or --store"));
        return new Outputs(new DirectoryArtifactStore(Path.of(store)), out);
    }

    private static Path workspace(Args a) {
        return Path.of(a.optional("dir").orElse("/workspace"));
    }
}
