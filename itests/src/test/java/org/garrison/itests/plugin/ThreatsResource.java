package org.garrison.itests.plugin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.garrison.api.error.ValidationException;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;

/**
 * The REST resource of the test plugin {@code itest-av}, packaged into its JAR at test time together with a DS
 * component description (see {@code PluginJars}). It is what a vendor writes: a JAX-RS resource of the plugin's own
 * application, protected by the plugin's own permissions, reading and writing the plugin's own table through the
 * store's transactions, and waiting for that table through the plugin's {@link MigratedSchema}.
 */
@Path("threats")
public class ThreatsResource {

    /** Injected by Declarative Services. */
    private Transactions transactions;

    /** Injected by Declarative Services once the plugin's tables are migrated; the component waits for it. */
    private MigratedSchema schema;

    /** One threat. */
    public record Threat(String name) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("itest-av.threats.read")
    public List<Threat> list() {
        return transactions.inTransaction(connection -> {
            List<Threat> threats = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT NAME FROM ITEST_AV_THREAT ORDER BY NAME");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    threats.add(new Threat(rows.getString(1)));
                }
            }
            return threats;
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("itest-av.threats.write")
    public Response add(Threat threat) {
        if (threat == null || threat.name() == null || threat.name().isBlank()) {
            throw new ValidationException("name", "is required");
        }
        transactions.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ITEST_AV_THREAT (NAME) VALUES (?)")) {
                insert.setString(1, threat.name());
                insert.executeUpdate();
            }
        });
        return Response.noContent().build();
    }
}
