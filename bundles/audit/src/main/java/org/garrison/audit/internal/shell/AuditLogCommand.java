package org.garrison.audit.internal.shell;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.error.ValidationException;
import org.garrison.audit.internal.AuditLogFilters;

/**
 * Lists audit-log entries with the filters of {@code GET /api/v1/audit-log}, newest at the bottom like a log.
 */
@Command(scope = "garrison", name = "audit-log", description = "Lists audit-log entries, newest at the bottom")
@Service
public class AuditLogCommand implements Action {

    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");

    @Reference
    private AuditLog log;

    @Reference
    private Session session;

    @Option(name = "-s", aliases = "--since",
            description = "Entries at or after this ISO-8601 instant, or this long ago: 30m, 12h, 7d")
    private String since;

    @Option(name = "-a", aliases = "--actor", description = "Entries of this actor id (account id, token id, ...)")
    private String actor;

    @Option(name = "-t", aliases = "--type", description = "Entries about this kind of object, e.g. device")
    private String objectType;

    @Option(name = "-o", aliases = "--object", description = "Entries about this object id")
    private String objectId;

    @Option(name = "--outcome", description = "success, denied, refused or failed")
    private String outcome;

    @Option(name = "-n", aliases = "--limit", description = "How many entries, at most 1000 (default 50)")
    private int limit = 50;

    @Option(name = "-c", aliases = "--cursor", description = "Continue after a previous listing's cursor")
    private String cursor;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        AuditLogFilters.Listing listing = AuditLogFilters.listing(since(since, Clock.systemUTC()), null, actor,
                objectType, objectId, outcome, String.valueOf(limit), cursor);
        Page<AuditEntry> page = log.query(listing.query(), listing.page());
        print(page.items(), out);
        if (page.hasMore()) {
            out.println("Older entries: --cursor " + page.nextCursor());
        }
        return null;
    }

    /**
     * The {@code --since} option as an ISO-8601 instant: given as one, or as an amount of time before now.
     *
     * @throws ValidationException if it is neither
     */
    static String since(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher ago = AGO.matcher(value.strip());
        if (!ago.matches()) {
            try {
                return Instant.parse(value.strip()).toString();
            } catch (DateTimeParseException e) {
                throw new ValidationException("since", "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, "
                        + "or an amount of time such as 30m, 12h or 7d");
            }
        }
        long amount = Long.parseLong(ago.group(1));
        Duration duration = switch (ago.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return clock.instant().minus(duration).toString();
    }

    /** Prints entries given newest first, oldest at the top. */
    static void print(List<AuditEntry> newestFirst, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("At");
        table.column("Actor");
        table.column("Action").maxSize(60);
        table.column("Object").maxSize(60);
        table.column("From");
        table.column("Status");
        table.column("Outcome");
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditEntry entry = newestFirst.get(i);
            String object = entry.objectType().isEmpty() ? entry.objectId()
                    : entry.objectId().isEmpty() ? entry.objectType() : entry.objectType() + " " + entry.objectId();
            table.addRow().addContent(entry.at(), actor(entry.actor()), entry.action(), object,
                    entry.remoteAddress(), entry.status(), entry.outcome());
        }
        table.print(out);
    }

    /** "alice (account)", "nightly (api_token)", "anonymous", or the login a failed sign-in tried. */
    static String actor(Actor actor) {
        String kind = actor.kind().name().toLowerCase(Locale.ROOT);
        if (actor.name().isEmpty() || actor.equals(Actor.anonymous())) {
            return kind;
        }
        return actor.name() + " (" + kind + ")";
    }
}
