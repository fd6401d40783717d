package dev.slipway.core.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression, evaluated in UTC: minute (0-59), hour (0-23), day of month (1-31),
 * month (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT; 0 and 7 are Sunday). Each field is
 * {@code *}, a value, a range {@code a-b}, a step {@code *}{@code /n}, {@code a-b/n} or {@code a/n},
 * or a comma-separated list of those. {@code @yearly}, {@code @monthly}, {@code @weekly},
 * {@code @daily} and {@code @hourly} are accepted too.
 *
 * <p>As in Vixie cron (and EventBridge's "either" rule), when both day of month and day of week are
 * restricted, a day matches if either matches.
 */
public final class Cron {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /** Leap days come at most 8 years apart (2096 to 2104): later than that nothing can match. */
    private static final int SEARCH_YEARS = 9;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private Cron(String expression, CronField.Parsed[] fields) {
        this.expression = expression;
        this.minutes = fields[0].values();
        this.hours = fields[1].values();
        this.daysOfMonth = fields[2].values();
        this.months = fields[3].values();
        this.daysOfWeek = fields[4].values();
        this.dayOfMonthRestricted = !fields[2].star();
        this.dayOfWeekRestricted = !fields[4].star();
    }

    /** @throws CronSyntaxException naming the field and what is wrong with it */
    public static Cron parse(String expression) {
        String trimmed = expression.trim();
        String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        if (expanded.startsWith("@")) {
            throw new CronSyntaxException(expression, "unknown macro \"" + trimmed
                    + "\"; use @yearly, @monthly, @weekly, @daily or @hourly");
        }
        String[] parts = expanded.split("\\s+");
        if (parts.length != 5) {
            throw new CronSyntaxException(expression, "expected 5 fields (minute hour day-of-month month"
                    + " day-of-week) but found " + (expanded.isEmpty() ? 0 : parts.length));
        }
        CronField.Parsed[] fields = new CronField.Parsed[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = CronField.values()[i].parse(expression, parts[i]);
        }
        Cron cron = new Cron(expression, fields);
        cron.requirePossibleDay();
        return cron;
    }

    /** The first minute strictly after {@code after} that matches, in UTC. */
    public Instant next(Instant after) {
        LocalDateTime t = LocalDateTime.ofInstant(after, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = t.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t.toInstant(ZoneOffset.UTC);
            }
        }
        // parse() rejects expressions that can never match, so this is a bug, not bad input.
        throw new IllegalStateException("cron \"" + expression + "\" matched nothing in " + SEARCH_YEARS + " years");
    }

    /** Whether the minute holding {@code instant} is one this expression fires in (UTC). */
    public boolean matches(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return months.get(t.getMonthValue()) && dayMatches(t.toLocalDate())
                && hours.get(t.getHour()) && minutes.get(t.getMinute());
    }

    public String expression() {
        return expression;
    }

    private boolean dayMatches(LocalDate date) {
        boolean dom = daysOfMonth.get(date.getDayOfMonth());
        boolean dow = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    /** Rejects e.g. {@code 0 0 30 2 *}: February never has a 30th, so the schedule never fires. */
    private void requirePossibleDay() {
        if (!dayOfMonthRestricted || dayOfWeekRestricted) {
            return;
        }
        int[] longest = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
            if (daysOfMonth.nextSetBit(1) <= longest[month]) {
                return;
            }
        }
        throw new CronSyntaxException(expression, "no selected month has the selected day of month,"
                + " so the schedule never fires");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cron cron && cron.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
