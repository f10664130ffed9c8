package com.example.helloapp.internal;

import java.util.List;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.ApplicationDataHandler;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what Hello App on each device sends through its agent and stores the newest report per device. It runs
 * inside the gateway's transaction, so what it writes happens exactly once. A report that breaks its schema is logged
 * and skipped, never thrown: a handler that throws holds up every later report of the application.
 */
@Component(service = ApplicationDataHandler.class, property = ApplicationDataHandler.APPLICATION + "=" + HelloApp.ID)
public class GreetingDataHandler implements ApplicationDataHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GreetingDataHandler.class);

    private final Transactions transactions;
    private final GreetingReports reports;
    private final GreetingRepository greetings = new GreetingRepository();

    /** {@code schema} is not used: it makes the component wait until the plugin's tables exist. */
    @Activate
    public GreetingDataHandler(@Reference Transactions transactions, @Reference JsonSchemaValidator validator,
            @Reference(target = HelloApp.SCHEMA_FILTER) MigratedSchema schema) {
        this.transactions = transactions;
        this.reports = new GreetingReports(validator);
    }

    @Override
    public void handle(UUID deviceId, List<ApplicationData> data) {
        transactions.runInTransaction(c -> {
            for (ApplicationData report : data) {
                try {
                    greetings.saveIfNewer(c, reports.read(deviceId, report));
                } catch (InvalidReportException e) {
                    LOG.warn("Device {}: a Hello App report of {} is skipped: {}", deviceId, report.reportedAt(),
                            e.getMessage());
                }
            }
        });
    }
}
