package org.garrison.gateway.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.SQLException;

import org.garrison.gateway.internal.ca.GatewayCredentialsService;
import org.garrison.gateway.internal.ca.ServerCertificateConfig;
import org.garrison.gateway.internal.enrollment.EnrollmentTesting;
import org.garrison.gateway.internal.enrollment.GatewayAddress;
import org.garrison.gateway.internal.rest.AgentViews.GatewayView;
import org.junit.jupiter.api.Test;

class GatewayResourceTest {

    @Test
    void theGatewayIsDescribedWithItsPortAuthorityAndNames() throws SQLException {
        EnrollmentTesting gateway = new EnrollmentTesting();
        GatewayCredentialsService credentials = new GatewayCredentialsService(gateway.authority, noExtraNames());
        GatewayView view = new GatewayResource(gateway.authority, new GatewayAddress(credentials, 13000)).get();
        assertEquals(13000, view.port());
        assertEquals(gateway.authority.certificatePem(), view.caCertificate());
        assertEquals(gateway.authority.pin(), view.caPin());
        assertTrue(view.serverNames().contains("localhost"));
    }

    static ServerCertificateConfig noExtraNames() {
        return new ServerCertificateConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServerCertificateConfig.class;
            }

            @Override
            public String[] serverNames() {
                return new String[0];
            }
        };
    }
}
