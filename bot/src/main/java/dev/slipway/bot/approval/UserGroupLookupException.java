package dev.slipway.bot.approval;

/** Slack could not tell who is in a user group (Slack unreachable, token without {@code usergroups:read}). */
public class UserGroupLookupException extends Exception {

    public UserGroupLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
