package dev.slipway.bot.approval;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User group members from Slack's {@code usergroups.users.list} (scope {@code usergroups:read}),
 * cached for a minute: a burst of clicks on one approval costs one call. {@code no_such_subteam}
 * means a group with no members; any other error is a lookup failure, never "not a member".
 */
public final class SlackUserGroups implements UserGroupDirectory {

    static final Duration TTL = Duration.ofMinutes(1);

    private record Cached(Set<String> members, Instant until) {
    }

    private final MethodsClient client;
    private final String token;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SlackUserGroups(MethodsClient client, String token, Clock clock) {
        this.client = client;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public Set<String> members(String userGroupId) throws UserGroupLookupException {
        Cached cached = cache.get(userGroupId);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.members();
        }
        UsergroupsUsersListResponse response;
        try {
            response = client.usergroupsUsersList(r -> r.token(token).usergroup(userGroupId));
        } catch (IOException | SlackApiException e) {
            throw new UserGroupLookupException("usergroups.users.list for " + userGroupId + " failed: " + e.getMessage(), e);
        }
        Set<String> members;
        if (response.isOk()) {
            members = Set.copyOf(response.getUsers());
        } else if ("no_such_subteam".equals(response.getError())) {
            members = Set.of();
        } else {
            throw new UserGroupLookupException("usergroups.users.list for " + userGroupId + " answered "
                    + response.getError() + (response.getNeeded() == null ? "" : " (needs scope " + response.getNeeded() + ")"), null);
        }
        cache.put(userGroupId, new Cached(members, clock.instant().plus(TTL)));
        return members;
    }
}
