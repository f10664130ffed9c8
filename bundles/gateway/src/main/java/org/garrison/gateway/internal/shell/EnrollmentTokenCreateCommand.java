package org.garrison.gateway.internal.shell;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.ShellUser;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.IssuedEnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.NewEnrollmentToken;
import org.garrison.gateway.internal.enrollment.GatewayAddress;

/**
 * Creates an enrollment token and prints it, with the command that enrolls a machine, once.
 */
@Command(scope = "garrison", name = "enrollment-token-create",
        description = "Creates an enrollment token for Network Agents and prints it once")
@Service
public class EnrollmentTokenCreateCommand implements Action {

    static final String NAME = "enrollment-token-create";
    private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d?");

    @Reference
    EnrollmentTokens tokens;

    @Reference
    GatewayAddress gateway;

    @Reference
    GroupService groups;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "name", required = true, description = "What the token is for, 1-100 characters")
    String name;

    @Option(name = "--group", description = "The group new devices go to: its id or its unique name "
            + "(default: Unassigned devices)")
    String group;

    @Option(name = "--max-uses", description = "How many machines may enroll with it, 1-100000 (default 1)")
    Integer maxUses;

    @Option(name = "--expires", description = "When it stops working: a number of days (7d) or an ISO-8601 "
            + "instant (default 7 days)")
    String expires;

    @Option(name = "--require-approval", description = "Each enrolled agent waits until an administrator approves it")
    boolean requireApproval;

    @Override
    public Object execute() {
        shell.requireAdministrator("issue enrollment tokens, decide about agents or wake them");
        UUID groupId = group == null ? null : GroupArgument.resolve(groups, group);
        IssuedEnrollmentToken issued = tokens.create(new NewEnrollmentToken(name, groupId, requireApproval, maxUses,
                expiresAt(tokens.now())), shell.actor());
        shell.audit(NAME, "enrollment-token", issued.token().id().toString());
        System.out.println("Created enrollment token " + issued.token().id() + " (" + issued.token().maxUses()
                + (issued.token().maxUses() == 1 ? " use" : " uses") + ", expires " + issued.token().expiresAt()
                + (issued.token().requireApproval() ? ", agents wait for approval" : "") + ")");
        System.out.println("Token (shown only now): " + issued.text());
        System.out.println("Enroll a machine with:  " + gateway.enrollCommand(null, issued.text()));
        return null;
    }

    private Instant expiresAt(Instant now) {
        if (expires == null) {
            return null;
        }
        Matcher days = DAYS.matcher(expires.strip());
        if (days.matches()) {
            return now.plus(Integer.parseInt(days.group(1)), ChronoUnit.DAYS);
        }
        try {
            return Instant.parse(expires.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("expires", "must be a number of days (7d) or an instant such as "
                    + "2027-01-31T12:00:00Z");
        }
    }
}
