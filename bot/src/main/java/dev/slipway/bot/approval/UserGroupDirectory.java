package dev.slipway.bot.approval;

import java.util.Set;

/**
 * Members of a Slack user group ({@code S…}). Called only when a clicker is not listed by user id,
 * so that a list of plain user ids never costs a Slack call. Implementations may cache briefly; a
 * group that does not exist has no members.
 */
@FunctionalInterface
public interface UserGroupDirectory {

    Set<String> members(String userGroupId) throws UserGroupLookupException;
}
