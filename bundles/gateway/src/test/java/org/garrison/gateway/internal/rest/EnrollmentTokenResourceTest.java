package org.garrison.gateway.internal.rest;

import static org.garrison.gateway.internal.rest.RestTesting.as;
import static org.garrison.gateway.internal.rest.RestTesting.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.GroupScope;
import org.garrison.gateway.internal.ca.GatewayCredentialsService;
import org.garrison.gateway.internal.enrollment.EnrollmentTesting;
import org.garrison.gateway.internal.enrollment.GatewayAddress;
import org.garrison.gateway.internal.rest.AgentViews.IssuedTokenView;
import org.garrison.gateway.internal.rest.AgentViews.TokenView;
import org.garrison.gateway.internal.rest.EnrollmentTokenResource.CreateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentTokenResourceTest {

    private EnrollmentTesting gateway;
    private EnrollmentTokenResource resource;
    private UUID office;
    private UUID lab;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
        office = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        lab = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Lab");
        GatewayAddress address = new GatewayAddress(new GatewayCredentialsService(gateway.authority,
                GatewayResourceTest.noExtraNames()), 13443);
        resource = new EnrollmentTokenResource(gateway.tokens, address, RestTesting.scopes(gateway.groups));
    }

    @Test
    void aNewTokenIsShownOnceWithTheCommandThatEnrollsAMachine() {
        IssuedTokenView issued = resource.issue(new CreateRequest("Office laptops", office, true, 20, null),
                as(caller("alice", GroupScope.EVERYWHERE)), "garrison.example.com");
        assertTrue(issued.token().startsWith("ge1."));
        assertEquals("garrison-agent enroll --server https://garrison.example.com:13443/ --token " + issued.token(),
                issued.enrollCommand());
        assertEquals(office, issued.groupId());
        assertEquals(20, issued.maxUses());
        assertEquals("active", issued.state());
        assertEquals("alice", issued.createdBy().name());
        assertFalse(issued.toString().contains(issued.token()));

        TokenView listed = resource.get(issued.id().toString());
        assertEquals(issued.id(), listed.id());
        assertEquals(List.of(issued.id()), resource.list("active", null, null).items().stream()
                .map(TokenView::id).toList());
    }

    @Test
    void theEnrollCommandBracketsAnIpv6HostAndFallsBackToTheHostName() {
        IssuedTokenView issued = resource.issue(new CreateRequest("v6", null, null, null, null),
                as(caller("alice", GroupScope.EVERYWHERE)), "::1");
        assertTrue(issued.enrollCommand().contains("https://[::1]:13443/"), issued.enrollCommand());
        issued = resource.issue(new CreateRequest("no host", null, null, null, null),
                as(caller("alice", GroupScope.EVERYWHERE)), null);
        assertTrue(issued.enrollCommand().startsWith("garrison-agent enroll --server https://"));
    }

    @Test
    void aTokenForAGroupNeedsDevicesWriteOnThatGroup() {
        var officeAdmin = as(caller("olga", GroupScope.within(java.util.Set.of(office))));
        assertEquals(office, resource.issue(new CreateRequest("ok", office, null, null, null), officeAdmin, "h")
                .groupId());
        assertThrows(ForbiddenException.class,
                () -> resource.issue(new CreateRequest("no", lab, null, null, null), officeAdmin, "h"));
        assertThrows(ForbiddenException.class,
                () -> resource.issue(new CreateRequest("default group", null, null, null, null), officeAdmin, "h"));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        var admin = as(caller("alice", GroupScope.EVERYWHERE));
        assertThrows(ValidationException.class, () -> resource.issue(null, admin, "h"));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> resource.issue(new CreateRequest("", UUID.randomUUID(), null, -1, null), admin, "h"));
        assertEquals(3, refused.errors().size());
        assertEquals("state", assertThrows(ValidationException.class, () -> resource.list("used", null, null))
                .errors().get(0).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> resource.list(null, "ten", null))
                .errors().get(0).field());
        assertThrows(ValidationException.class, () -> resource.list(null, "0", null));
        assertThrows(ValidationException.class, () -> resource.list(null, null, "garbage!"));
        assertThrows(ValidationException.class, () -> resource.get("not-a-uuid"));
        assertThrows(NotFoundException.class, () -> resource.get(UUID.randomUUID().toString()));
    }
}
