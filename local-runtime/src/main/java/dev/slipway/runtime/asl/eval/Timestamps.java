package dev.slipway.runtime.asl.eval;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ISO-8601 extended offset date-times, the only timestamp form ASL accepts (the offset is required). */
public final class Timestamps {
    private Timestamps() {
    }

    public static Optional<OffsetDateTime> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
