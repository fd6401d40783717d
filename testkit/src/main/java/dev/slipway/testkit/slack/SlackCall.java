package dev.slipway.testkit.slack;

import java.util.Map;

/**
 * One Web API call as received, with what the fake answered, for assertions on what a client did.
 *
 * @param method  the method name, e.g. {@code chat.postMessage}
 * @param params  the arguments, from the form, the JSON body or the query string
 * @param status  the HTTP status answered (200 even for {@code ok:false}, as Slack does; 429 when rate limited)
 * @param error   the {@code error} code answered, or {@code null} when {@code ok:true}
 */
public record SlackCall(String method, Map<String, String> params, int status, String error) {

    public boolean ok() {
        return error == null;
    }
}
