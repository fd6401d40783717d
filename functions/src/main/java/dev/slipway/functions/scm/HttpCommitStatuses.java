package dev.slipway.functions.scm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.CommitStatusRejectedException;
import dev.slipway.core.scm.CommitStatuses;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import dev.slipway.core.secret.SecretStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Commit statuses over the SCMs' REST APIs:
 * <ul>
 *   <li>GitHub: {@code POST /repos/{owner}/{repo}/statuses/{sha}}, JSON {@code state} one of
 *       pending, success, failure, error; {@code Authorization: Bearer <token>}.</li>
 *   <li>GitLab: {@code POST /projects/{url-encoded path}/statuses/{sha}} with {@code state} one of
 *       pending, running, success, failed, canceled; {@code PRIVATE-TOKEN: <token>}.</li>
 *   <li>Gitea/Forgejo: {@code POST /repos/{owner}/{repo}/statuses/{sha}}, JSON {@code state} one of
 *       pending, success, error, failure, warning; {@code Authorization: token <token>}.</li>
 * </ul>
 * Tokens come from the secret store ({@code <secretPrefix>/<provider>-token}).
 */
public final class HttpCommitStatuses implements CommitStatuses {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Provider, URI> apis;
    private final SecretStore secrets;
    private final String secretPrefix;

    /** @param apis API base per provider, e.g. {@code https://api.github.com}, {@code https://gitlab.com/api/v4} */
    public HttpCommitStatuses(Map<Provider, URI> apis, SecretStore secrets, String secretPrefix) {
        this.apis = Map.copyOf(apis);
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
    }

    @Override
    public void set(Provider provider, Repository repo, String commit, CommitState state, String description, URI targetUrl) {
        URI api = apis.get(provider);
        if (api == null || !provider.isScm()) {
            return;
        }
        String token = secrets.require(secretPrefix + "/" + provider.id() + "-token");
        HttpRequest request = switch (provider) {
            case GITLAB -> gitlab(api, repo, commit, state, description, targetUrl, token);
            case GITHUB -> json(api, repo, commit, githubState(state), description, targetUrl, "Bearer " + token);
            default -> json(api, repo, commit, giteaState(state), description, targetUrl, "token " + token);
        };
        send(provider, repo, request);
    }

    private static HttpRequest json(URI api, Repository repo, String commit, String state, String description, URI targetUrl,
            String authorization) {
        ObjectNode body = SlipwayJson.mapper().createObjectNode();
        body.put("state", state);
        body.put("target_url", targetUrl.toString());
        body.put("description", description);
        body.put("context", CONTEXT);
        return HttpRequest.newBuilder(URI.create(api + "/repos/" + repo.fullName() + "/statuses/" + commit))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpRequest gitlab(URI api, Repository repo, String commit, CommitState state, String description,
            URI targetUrl, String token) {
        String query = "state=" + gitlabState(state) + "&name=" + CONTEXT + "&target_url=" + encode(targetUrl.toString())
                + "&description=" + encode(description);
        return HttpRequest.newBuilder(URI.create(api + "/projects/" + encode(repo.fullName()) + "/statuses/" + commit + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .header("PRIVATE-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private void send(Provider provider, Repository repo, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new CommitStatusRejectedException(provider.id() + " refused the commit status of " + repo.fullName()
                        + ": HTTP " + response.statusCode() + " " + abbreviate(response.body())
                        + "; check that the token in " + secretPrefix + "/" + provider.id() + "-token may set statuses");
            }
        } catch (IOException e) {
            throw new CommitStatusRejectedException(provider.id() + " could not be reached at " + request.uri().getHost()
                    + " to set the commit status of " + repo.fullName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommitStatusRejectedException("interrupted while setting a commit status", e);
        }
    }

    static String githubState(CommitState state) {
        return switch (state) {
            case PENDING, RUNNING -> "pending";
            case SUCCESS -> "success";
            case FAILURE -> "failure";
            case CANCELLED -> "error";
        };
    }

    static String giteaState(CommitState state) {
        return githubState(state);
    }

    static String gitlabState(CommitState state) {
        return switch (state) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case SUCCESS -> "success";
            case FAILURE -> "failed";
            case CANCELLED -> "canceled";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
