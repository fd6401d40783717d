package dev.slipway.bot.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.slipway.bot.fakes.MutableClock;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** User group members from the testkit's Slack through the real Slack client. */
class SlackUserGroupsIT {

    private final SlackWebApiServer slack = SlackWebApiServer.start()
            .token("xoxb-groups", SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY")
            .token("xoxb-no-groups", Set.of("commands", "chat:write"), "U0SLIPWAY")
            .userGroup("S0PLATFORM", List.of("U0CAROL", "U0DAVE"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @AfterEach
    void close() {
        slack.close();
    }

    private MethodsClient client() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrlPrefix());
        return Slack.getInstance(config).methods();
    }

    @Test
    void membersAreReadOnceAMinute() throws Exception {
        SlackUserGroups groups = new SlackUserGroups(client(), "xoxb-groups", clock);
        assertThat(groups.members("S0PLATFORM")).containsExactlyInAnyOrder("U0CAROL", "U0DAVE");
        assertThat(groups.members("S0PLATFORM")).hasSize(2);
        assertThat(slack.calls("usergroups.users.list")).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        groups.members("S0PLATFORM");
        assertThat(slack.calls("usergroups.users.list")).hasSize(2);
    }

    @Test
    void aGroupSlackDoesNotKnowHasNoMembers() throws Exception {
        assertThat(new SlackUserGroups(client(), "xoxb-groups", clock).members("S0GONE")).isEmpty();
    }

    @Test
    void aTokenWithoutTheScopeIsAFailureNotAnEmptyGroup() {
        SlackUserGroups groups = new SlackUserGroups(client(), "xoxb-no-groups", clock);
        assertThatThrownBy(() -> groups.members("S0PLATFORM"))
                .isInstanceOf(UserGroupLookupException.class)
                .hasMessageContaining("missing_scope").hasMessageContaining("usergroups:read");
    }
}
