package org.garrison.accounts.internal.shell;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleService;
import org.garrison.api.group.AdministrationGroup;

/**
 * Lists the accounts.
 */
@Command(scope = "garrison", name = "account-list", description = "Lists the accounts")
@Service
public class AccountListCommand implements Action {

    @Reference
    private AccountService accounts;

    @Reference
    private RoleService roles;

    @Override
    public Object execute() {
        Map<UUID, String> roleNames = roles.all().stream().collect(Collectors.toMap(Role::id, Role::name));
        ShellTable table = new ShellTable();
        table.column("Login");
        table.column("Id");
        table.column("Enabled");
        table.column("2FA");
        table.column("Last sign-in");
        table.column("Roles");
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Account> accountPage = accounts.list(page);
            for (Account account : accountPage.items()) {
                table.addRow().addContent(account.login(), account.id(), account.enabled() ? "yes" : "no",
                        account.secondFactor() ? "yes" : "no",
                        account.lastSignIn() == null ? "never" : account.lastSignIn().toString(),
                        account.grants().stream().map(grant -> roleNames.getOrDefault(grant.roleId(),
                                grant.roleId().toString()) + (AdministrationGroup.MANAGED_DEVICES.equals(grant.groupId())
                                        ? "" : " on " + grant.groupId()))
                                .collect(Collectors.joining(", ")));
            }
            if (!accountPage.hasMore()) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, accountPage.nextCursor());
        }
        table.print(System.out);
        return null;
    }
}
