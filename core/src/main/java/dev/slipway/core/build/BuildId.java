package dev.slipway.core.build;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.slipway.core.scm.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a build. It is deterministic (the same delivery or the same schedule run always gives
 * the same id) and it names the pipeline's Step Functions execution, so a redelivered webhook or a
 * retried schedule cannot start a second execution.
 *
 * <p>Step Functions execution names are 1 to 80 characters; AWS recommends only ASCII letters,
 * digits, {@code -} and {@code _} ("names with other characters do not work with CloudWatch Logs"),
 * which is the alphabet enforced here.
 */
public record BuildId(@JsonValue String value) implements Comparable<BuildId> {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** 128 bits of SHA-256, in hex: plenty to keep distinct inputs distinct. */
    private static final int DIGEST_HEX_CHARS = 32;

    public BuildId {
        Objects.requireNonNull(value, "build id");
        if (!VALID.matcher(value).matches()) {
            throw new InvalidBuildIdException(value);
        }
    }

    /** Parses a build id typed by a person or read from storage; throws {@link InvalidBuildIdException}. */
    @JsonCreator
    public static BuildId of(String value) {
        return new BuildId(value);
    }

    /**
     * The id of the build a webhook delivery starts: {@code <provider>-<delivery id>}. Delivery ids
     * that are not safe as execution names (characters outside the alphabet, too long) are replaced
     * by a digest of themselves, so the id stays deterministic and distinct deliveries stay distinct.
     */
    public static BuildId forDelivery(Provider provider, String deliveryId) {
        Objects.requireNonNull(provider, "provider");
        requireText(deliveryId, "delivery id");
        return new BuildId(provider.id() + "-" + safePart(deliveryId, MAX_LENGTH - provider.id().length() - 1));
    }

    /**
     * The id of the build a schedule starts on a given day (UTC): {@code schedule-<key>-<yyyyMMdd>}.
     * The key names the schedule and what it builds (for example {@code nightly-acme-api-main}), so a
     * retried invocation on the same day gets the same id and starts one build.
     */
    public static BuildId forSchedule(String scheduleKey, LocalDate day) {
        requireText(scheduleKey, "schedule key");
        Objects.requireNonNull(day, "day");
        String prefix = Provider.SCHEDULE.id() + "-";
        String suffix = "-" + DAY.format(day);
        return new BuildId(prefix + safePart(scheduleKey, MAX_LENGTH - prefix.length() - suffix.length()) + suffix);
    }

    /** Returns {@code raw} when it is already safe and short enough, else a stable digest of it. */
    static String safePart(String raw, int maxLength) {
        if (raw.length() <= maxLength && !UNSAFE.matcher(raw).find()) {
            return raw;
        }
        String readable = UNSAFE.matcher(raw).replaceAll("-");
        String digest = sha256Hex(raw).substring(0, DIGEST_HEX_CHARS);
        int keep = Math.max(0, maxLength - DIGEST_HEX_CHARS - 1);
        String head = readable.substring(0, Math.min(keep, readable.length()));
        return head.isEmpty() ? digest : head + "-" + digest;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public int compareTo(BuildId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
