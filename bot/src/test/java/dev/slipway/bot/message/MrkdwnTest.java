package dev.slipway.bot.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void escapesOnlyWhatSlackAsksFor() {
        assertThat(Mrkdwn.escape("a < b && c > d *bold*")).isEqualTo("a &lt; b &amp;&amp; c &gt; d *bold*");
    }

    @Test
    void mentionsUsersAndGroupsAndLeavesOtherNamesPlain() {
        assertThat(Mrkdwn.mention("U012ABCDEF")).isEqualTo("<@U012ABCDEF>");
        assertThat(Mrkdwn.mention("W012ABCDEF")).isEqualTo("<@W012ABCDEF>");
        assertThat(Mrkdwn.mention("S0PLATFORM")).isEqualTo("<!subteam^S0PLATFORM>");
        assertThat(Mrkdwn.mention("octocat")).isEqualTo("octocat");
        assertThat(Mrkdwn.mention("<!channel>")).isEqualTo("&lt;!channel&gt;");
    }

    @Test
    void linkLabelsCannotBreakOutOfTheLink() {
        assertThat(Mrkdwn.link(URI.create("https://x.example/b"), "a|b>c")).isEqualTo("<https://x.example/b|a¦b&gt;c>");
    }

    @Test
    void durationsReadLikePeopleSayThem() {
        assertThat(Mrkdwn.duration(Duration.ofSeconds(4))).isEqualTo("4s");
        assertThat(Mrkdwn.duration(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(Mrkdwn.duration(Duration.ofMinutes(63))).isEqualTo("1h 03m");
    }
}
