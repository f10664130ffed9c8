package org.garrison.policies.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.garrison.api.Ids;
import org.garrison.api.error.FieldError;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.ProfileRule;

/**
 * Shows one policy: its state, inheritance, settings, locks, profiles and problems.
 */
@Command(scope = "garrison", name = "policy-show", description = "Shows a policy")
@Service
public class PolicyShowCommand implements Action {

    @Reference
    private PolicyService policies;

    @Reference
    private GroupService groups;

    @Reference
    private Session session;

    @Argument(index = 0, name = "policy", description = "The policy's id", required = true)
    private String policy;

    @Override
    public Object execute() {
        Policy p = policies.get(Ids.parse("policy", policy));
        PrintStream out = session.getConsole();
        out.println("Id:            " + p.id());
        out.println("Name:          " + p.name());
        out.println("Description:   " + (p.description() == null ? "-" : p.description()));
        out.println("Application:   " + p.application());
        out.println("Group:         " + PolicyText.groupName(groups, p.groupId()) + " (" + p.groupId() + ")");
        out.println("State:         " + p.state());
        out.println("Inheritance:   " + (p.inheritFromParent() ? "inherits from the parent" : "stands alone")
                + (p.forceInheritance() ? ", forced on the policies below" : ""));
        out.println("Revision:      " + p.revision() + ", changed " + p.updatedAt() + " by " + p.updatedBy().name());
        out.println("Checked with:  " + (p.checkedAgainst() == null ? "-" : p.application() + " "
                + p.checkedAgainst()));
        for (FieldError problem : p.problems()) {
            out.println("  Problem:     " + problem.field() + " " + problem.message());
        }
        out.println("Locked:        " + (p.lockedSettings().isEmpty() ? "-" : String.join(", ", p.lockedSettings())));
        out.println("Settings:");
        out.println(PolicyText.indented(p.settings()));
        for (int i = 0; i < p.profiles().size(); i++) {
            PolicyProfile profile = p.profiles().get(i);
            out.println("Profile " + (i + 1) + ":     " + profile.name() + " (" + profile.id() + ")"
                    + (profile.enabled() ? "" : ", disabled"));
            for (ProfileRule rule : profile.rules()) {
                out.println("  when " + rule.attribute() + " is one of " + String.join(", ", rule.values()));
            }
            if (!profile.lockedSettings().isEmpty()) {
                out.println("  locks " + String.join(", ", profile.lockedSettings()));
            }
            out.println("  sets " + PolicyText.compact(profile.settings()));
        }
        return null;
    }
}
