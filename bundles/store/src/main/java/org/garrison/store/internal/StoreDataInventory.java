package org.garrison.store.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * What the server holds as a whole, for the data inventory: the installation's identity and the schema history kept
 * by the store, and the files of the distribution that no area owns (database and other settings, the HTTPS
 * certificate, logs), so that the inventory covers everything an admin backs up or hands over.
 */
@Component
public class StoreDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String KEPT = "kept as long as the server";

    private static final List<DataItem> ITEMS = List.of(
            new DataItem("server.identity", OWNER, "Identity of the installation",
                    "The installation's id, when it was installed and with which version; created on the first "
                            + "start.",
                    DataOrigin.SERVER, "SERVER_INSTANCE", false, false, KEPT),
            new DataItem("server.schema-history", OWNER, "Schema history",
                    "Which database migrations of each core area ran, when, and the lock that keeps two server "
                            + "nodes from migrating at once.",
                    DataOrigin.SERVER, "GS<AREA>LOG and GS<AREA>LOCK tables, one pair per area, e.g. GSDEVICESLOG",
                    false, false, KEPT),
            new DataItem("server.settings", OWNER, "Server settings",
                    "Ports, retention, password policy, sessions, gateway and the other settings an admin "
                            + "changes in configuration files or with config:edit.",
                    DataOrigin.ADMIN, "etc/org.garrison.*.cfg (also cached by Config Admin under data/cache)",
                    false, false, "until the admin changes them"),
            new DataItem("server.database-connection", OWNER, "Database connection",
                    "The database's URL and, for PostgreSQL, the user name and password, in plain text in a "
                            + "configuration file: protect etc/ like the database itself.",
                    DataOrigin.ADMIN, "etc/org.ops4j.datasource-garrison.cfg", false, false,
                    "until the admin changes it"),
            new DataItem("server.https-certificate", OWNER, "HTTPS certificate of the console and API",
                    "A self-signed EC certificate with its private key, created on the first start (or the "
                            + "admin's own), in a PKCS12 keystore whose random password is in plain text in the web "
                            + "server's configuration; both files readable by the server's OS user only.",
                    DataOrigin.SERVER, "etc/garrison-https.p12, password in etc/org.ops4j.pax.web.cfg", false, false,
                    "until the admin replaces it"),
            new DataItem("server.log-files", OWNER, "Log files",
                    "What the server and its components log: start-up, warnings and errors (karaf.log), Karaf's "
                            + "security events such as shell sign-ins (security.log), and the database engine's "
                            + "messages (derby.log). Not encrypted. Personal data: may hold logins, device names "
                            + "and network addresses; Garrison never logs passwords, token secrets or keys.",
                    DataOrigin.SERVER, "data/log/karaf.log, data/log/security.log, data/log/derby.log", true, false,
                    "karaf.log rolls over at 16 MB and security.log at 8 MB, keeping 7 older files each "
                            + "(etc/org.ops4j.pax.logging.cfg); derby.log is rewritten at each start"));

    @Override
    public List<DataItem> dataItems() {
        return ITEMS;
    }
}
