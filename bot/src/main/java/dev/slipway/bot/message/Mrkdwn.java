package dev.slipway.bot.message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Slack's mrkdwn: the escapes it needs and the few constructs the messages use. */
public final class Mrkdwn {

    private Mrkdwn() {
    }

    /** Slack: "replace &amp; with &amp;amp;, &lt; with &amp;lt; and &gt; with &amp;gt;"; nothing else is escaped. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String link(URI url, String label) {
        return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** A mention: {@code <@U…>} for users, {@code <!subteam^S…>} for user groups, else the plain name. */
    public static String mention(String id) {
        if (id.matches("[UW][A-Z0-9]{2,}")) {
            return "<@" + id + ">";
        }
        if (id.matches("S[A-Z0-9]{2,}")) {
            return "<!subteam^" + id + ">";
        }
        return escape(id);
    }

    /** Slack renders {@code <!date^epoch^{date_short_pretty} {time}|fallback>} in the reader's time zone. */
    public static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at + ">";
    }

    /** 4s, 2m 05s, 1h 03m. */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    public static String code(String text) {
        return "`" + escape(text).replace("`", "'") + "`";
    }
}
