package dev.slipway.runtime.up;

import dev.slipway.testkit.scm.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** What the {@code slipway up} tests share: a local repository, its config file, signed deliveries. */
final class UpFixture {

    static final String SECRET = "it-webhook-secret";
    /** The commit the recorded push fixture names; replaced by the local repository's real commit. */
    private static final String FIXTURE_COMMIT = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private UpFixture() {
    }

    /** A repository on branch main with the fixture's .slipway.yml committed; returns the commit id. */
    static String repository(Path dir) throws IOException, GitAPIException {
        return repository(dir, "repo");
    }

    /** The same with the pipeline file of {@code src/test/resources/up/<fixture>/}. */
    static String repository(Path dir, String fixture) throws IOException, GitAPIException {
        return repositoryWithPipeline(dir, Files.readString(Path.of("src/test/resources/up/" + fixture + "/.slipway.yml")));
    }

    /** The same with the pipeline file's text given (for pipelines a test computes, such as a cron). */
    static String repositoryWithPipeline(Path dir, String pipeline) throws IOException, GitAPIException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".slipway.yml"), pipeline);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".slipway.yml").call();
            PersonIdent me = new PersonIdent("Slipway Test", "test@slipway.dev");
            return git.commit().setMessage("pipeline").setAuthor(me).setCommitter(me).setSign(false).call().getName();
        }
    }

    /** The config file with the repository mapped to {@code repo}. */
    static Path config(Path dir, Path repo) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/up/config.yml"))
                .replace("REPO_PATH", repo.toAbsolutePath().toString());
        Path file = dir.resolve("slipway-up.yml");
        Files.writeString(file, text);
        return file;
    }

    /** The environment: the webhook secret overrides the file's, as users do with secrets. */
    static Map<String, String> env() {
        return Map.of("SLIPWAY_WEBHOOK_SECRET", SECRET);
    }

    static HttpResponse<String> push(URI base, String delivery, String commit, String secret) throws Exception {
        byte[] body = Files.readString(Path.of("src/test/resources/up/github-push.json"))
                .replace(FIXTURE_COMMIT, commit).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("webhooks/github"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.github(secret, "push", delivery, body).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
