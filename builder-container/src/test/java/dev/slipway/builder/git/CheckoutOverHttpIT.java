package dev.slipway.builder.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.builder.BuilderFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkout over HTTP with a token, from a local server that wants Basic auth as GitHub does for
 * private repositories ({@code x-access-token:<token>}). The server speaks git's "dumb" HTTP
 * protocol (static files: {@code info/refs}, {@code HEAD}, loose objects), which JGit's client
 * reads like any other HTTP remote.
 */
class CheckoutOverHttpIT {

    private static final String TOKEN = "ghs_0123456789abcdefTOKEN";

    @TempDir
    Path tmp;
    private HttpServer server;
    private RevCommit commit;
    private String url;

    @BeforeEach
    void serve() throws Exception {
        Path work = tmp.resolve("work");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve("app.txt"), "private code");
            git.add().addFilepattern("app.txt").call();
            commit = git.commit().setMessage("private").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com")
                    .setSign(false).call();
            StringBuilder refs = new StringBuilder();
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
            }
            Path gitDir = git.getRepository().getDirectory().toPath();
            Files.createDirectories(gitDir.resolve("info"));
            Files.writeString(gitDir.resolve("info/refs"), refs);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/acme/app.git/", exchange -> serveFile(exchange, gitDir))
                    .setAuthenticator(new BasicAuthenticator("git") {
                        @Override
                        public boolean checkCredentials(String user, String password) {
                            return user.equals("x-access-token") && password.equals(TOKEN);
                        }
                    });
            server.start();
        }
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme/app.git";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void serveFile(HttpExchange exchange, Path gitDir) throws IOException {
        String relative = exchange.getRequestURI().getPath().substring("/acme/app.git/".length());
        Path file = gitDir.resolve(relative).normalize();
        if (!file.startsWith(gitDir) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Checkout checkout(ByteArrayOutputStream log) {
        return new Checkout(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void checksOutWithTheToken() throws Exception {
        var log = new ByteArrayOutputStream();
        checkout(log).run(new CheckoutRequest(url, commit.name(), Optional.of("refs/heads/main"), tmp.resolve("ws"),
                Optional.of(TOKEN), "x-access-token"));

        assertThat(tmp.resolve("ws/app.txt")).hasContent("private code");
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    @Test
    void withoutTheTokenTheRepositoryCannotBeRead() {
        var request = new CheckoutRequest(url, commit.name(), Optional.of("refs/heads/main"), tmp.resolve("ws"),
                Optional.empty(), "x-access-token");

        assertThatThrownBy(() -> checkout(new ByteArrayOutputStream()).run(request)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("repository " + url + " does not exist or cannot be read")
                .hasMessageContaining("access token");
    }

    @Test
    void aWrongTokenIsRefusedWithoutShowingIt() {
        var request = new CheckoutRequest(url, commit.name(), Optional.of("refs/heads/main"), tmp.resolve("ws"),
                Optional.of("wrong-token-value"), "x-access-token");

        assertThatThrownBy(() -> checkout(new ByteArrayOutputStream()).run(request)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("cannot be read").hasMessageNotContaining("wrong-token-value");
    }
}
