package dev.slipway.testkit.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Slack knows and has recorded: tokens and their scopes, channels, user groups, and
 * the messages posted. Thread safe: the HTTP server answers calls on several threads.
 */
final class SlackWorkspace {

    /** A token Slack would accept, the scopes it was granted, and the identity {@code auth.test} reports. */
    record Grant(Set<String> scopes, String userId, String botId) {
    }

    static final String TEAM_ID = "T0SLIPWAY";

    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> channelIdsByName = new ConcurrentHashMap<>();
    private final Set<String> channelIds = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, SlackMessage> messages = new LinkedHashMap<>();
    private final List<SlackEphemeral> ephemerals = new ArrayList<>();
    private final List<SlackCall> calls = new ArrayList<>();
    private final AtomicLong tsCounter = new AtomicLong();

    void addToken(String token, Set<String> scopes, String userId, String botId) {
        tokens.put(token, new Grant(Set.copyOf(scopes), userId, botId));
    }

    Grant grant(String token) {
        return tokens.get(token);
    }

    void addChannel(String id, String name) {
        channelIds.add(id);
        channelIdsByName.put(name, id);
    }

    void addUserGroup(String id, List<String> users) {
        userGroups.put(id, List.copyOf(users));
    }

    List<String> userGroup(String id) {
        return userGroups.get(id);
    }

    /** A channel argument as Slack resolves it: an id, or for posting a {@code #name} or a bare name. */
    String resolveChannel(String channel, boolean namesAllowed) {
        if (channel == null) {
            return null;
        }
        if (channelIds.contains(channel)) {
            return channel;
        }
        return namesAllowed ? channelIdsByName.get(channel.startsWith("#") ? channel.substring(1) : channel) : null;
    }

    /** Slack's ts: epoch seconds, a dot, six digits; strictly increasing here so that ordering is stable. */
    String nextTs() {
        long n = tsCounter.incrementAndGet();
        return (System.currentTimeMillis() / 1000) + "." + String.format("%06d", n % 1_000_000);
    }

    synchronized void store(SlackMessage message) {
        messages.put(message.channel() + "/" + message.ts(), message);
    }

    synchronized SlackMessage message(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    synchronized List<SlackMessage> messages() {
        return List.copyOf(messages.values());
    }

    synchronized void record(SlackEphemeral ephemeral) {
        ephemerals.add(ephemeral);
    }

    synchronized List<SlackEphemeral> ephemerals() {
        return List.copyOf(ephemerals);
    }

    synchronized void record(SlackCall call) {
        calls.add(call);
    }

    synchronized List<SlackCall> calls() {
        return List.copyOf(calls);
    }

    synchronized void clearRecords() {
        messages.clear();
        ephemerals.clear();
        calls.clear();
    }
}
