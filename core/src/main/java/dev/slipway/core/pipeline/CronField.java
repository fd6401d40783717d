package dev.slipway.core.pipeline;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** The five fields of a {@link Cron} expression and how each one is parsed. */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    /** The values of one field, and whether it was an unrestricted {@code *}. */
    record Parsed(BitSet values, boolean star) {
    }

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    Parsed parse(String expression, String text) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            parsePart(expression, part, values);
        }
        if (this == DAY_OF_WEEK && values.get(7)) {
            values.set(0);
        }
        return new Parsed(values, text.equals("*"));
    }

    private void parsePart(String expression, String part, BitSet values) {
        if (part.isEmpty()) {
            throw error(expression, "has an empty list item");
        }
        String[] rangeAndStep = part.split("/", -1);
        if (rangeAndStep.length > 2) {
            throw error(expression, "\"" + part + "\" has more than one '/'");
        }
        int step = rangeAndStep.length == 2 ? parseStep(expression, rangeAndStep[1]) : 1;
        String range = rangeAndStep[0];
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] bounds = range.split("-", -1);
            if (bounds.length != 2) {
                throw error(expression, "\"" + range + "\" is not a range like 1-5");
            }
            from = value(expression, bounds[0]);
            to = value(expression, bounds[1]);
            if (to < from) {
                throw error(expression, "range " + range + " goes backwards");
            }
        } else {
            from = value(expression, range);
            // "a/n" means from a to the end of the field, every n.
            to = rangeAndStep.length == 2 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    private int parseStep(String expression, String text) {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) == 0) {
            throw error(expression, "step \"" + text + "\" must be a positive number");
        }
        return Integer.parseInt(text);
    }

    private int value(String expression, String text) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return this == MONTH ? index + 1 : index;
        }
        if (!text.matches("\\d{1,2}")) {
            String hint = names.isEmpty() ? "a number" : "a number or a name like " + names.get(0);
            throw error(expression, "\"" + text + "\" is not " + hint);
        }
        int v = Integer.parseInt(text);
        if (v < min || v > max) {
            throw error(expression, v + " is out of range " + min + "-" + max);
        }
        return v;
    }

    private CronSyntaxException error(String expression, String problem) {
        return new CronSyntaxException(expression, label + " field " + problem);
    }
}
