package org.garrison.tasks.internal.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week), read as cron on Unix reads it:
 * each field is {@code *} or a comma-separated list of values, ranges ({@code 1-5}) and steps ({@code *}{@code /15},
 * {@code 10-40/10}, {@code 5/20}); months and days of week may be named ({@code JAN}, {@code MON}); Sunday is 0 or
 * 7. When both the day of month and the day of week are restricted, a day matching either counts.
 */
public final class CronExpression {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4,
            "FRI", 5, "SAT", 6);

    /** The longest expression accepted; real ones are far shorter. */
    public static final int MAX_LENGTH = 200;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;
    private final List<LocalTime> times;

    private CronExpression(String[] fields) {
        minutes = field("minute", fields[0], 0, 59, Map.of());
        hours = field("hour", fields[1], 0, 23, Map.of());
        daysOfMonth = field("day of month", fields[2], 1, 31, Map.of());
        months = field("month", fields[3], 1, 12, MONTHS);
        BitSet weekdays = field("day of week", fields[4], 0, 7, DAYS);
        if (weekdays.get(7)) {
            weekdays.set(0);
            weekdays.clear(7);
        }
        daysOfWeek = weekdays;
        dayOfMonthRestricted = !fields[2].startsWith("*");
        dayOfWeekRestricted = !fields[4].startsWith("*");
        List<LocalTime> all = new ArrayList<>();
        for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                all.add(LocalTime.of(hour, minute));
            }
        }
        times = List.copyOf(all);
    }

    /**
     * @throws IllegalArgumentException with a message for the admin when the text is not a valid expression
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: minute hour day-of-month month day-of-week");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("must have five fields (minute hour day-of-month month day-of-week), "
                    + "not " + fields.length);
        }
        return new CronExpression(fields);
    }

    /** Whether the expression fires on this day. */
    public boolean matches(LocalDate date) {
        if (!months.get(date.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(date.getDayOfMonth());
        // java.time counts Monday 1 to Sunday 7, cron Sunday 0 to Saturday 6
        boolean dayOfWeek = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dayOfMonth || dayOfWeek;
        }
        return dayOfMonth && dayOfWeek;
    }

    /** The times of day it fires at on a matching day, earliest first. */
    public List<LocalTime> times() {
        return times;
    }

    private static BitSet field(String name, String text, int min, int max, Map<String, Integer> names) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("has an empty list entry in the " + name + " field");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(name, part.substring(slash + 1), 1, max + 1);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = value(name, range.substring(0, dash), min, max, names);
                    to = value(name, range.substring(dash + 1), min, max, names);
                    if (to < from) {
                        throw new IllegalArgumentException("has the range " + range + " backwards in the " + name
                                + " field");
                    }
                } else {
                    from = value(name, range, min, max, names);
                    // "5/20" means from 5 to the end in steps of 20, as in cron on Unix
                    to = slash >= 0 ? max : from;
                }
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String name, String text, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        return named != null ? named : number(name, text, min, max);
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("has '" + text + "' in the " + name + " field, which must be a number from "
                + min + " to " + max + (name.equals("month") ? " or JAN-DEC" : name.equals("day of week")
                        ? " or SUN-SAT" : ""));
    }
}
