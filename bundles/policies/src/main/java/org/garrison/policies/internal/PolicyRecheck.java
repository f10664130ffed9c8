package org.garrison.policies.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.garrison.api.error.FieldError;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginListener;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.policy.Policy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an application's policies again whenever its plugin becomes active (installed, started, upgraded), since a
 * new version may bring a stricter settings schema. What no longer matches is recorded on each policy and reported
 * once as a {@value PolicyEventTypes#POLICY_INVALID} event; the settings themselves are never changed. The checks
 * run on a thread of their own, so the extender that tells about the plugin is never held up.
 */
@Component(service = PluginListener.class)
public class PolicyRecheck implements PluginListener {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRecheck.class);
    private static final int MAX_PROBLEMS_DESCRIBED = 3;

    private final ApplicationPoliciesService policies;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-policy-recheck");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<EventService> events = new AtomicReference<>();

    @Activate
    public PolicyRecheck(@Reference ApplicationPoliciesService policies) {
        this.policies = policies;
        // plugins may have changed while this bundle was not running: check what is active now
        submit(() -> policies.applications().forEach(this::recheck));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetEventService")
    void setEventService(EventService service) {
        events.set(service);
    }

    void unsetEventService(EventService service) {
        events.compareAndSet(service, null);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void pluginChanged(PluginInfo previous, PluginInfo current) {
        if (current == null || current.state() != PluginState.ACTIVE) {
            return;
        }
        if (previous == null || previous.state() != PluginState.ACTIVE
                || !Objects.equals(previous.version(), current.version())) {
            submit(() -> recheck(current.id()));
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Checking policies against their plugins' settings schemas failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not checking policies: the policies area is stopping");
        }
    }

    void recheck(String application) {
        List<Policy> invalid = policies.recheck(application);
        if (invalid.isEmpty()) {
            return;
        }
        LOG.warn("{} policies of {} no longer match its settings schema: {}", invalid.size(), application,
                invalid.stream().map(p -> "\"" + p.name() + "\" (" + p.id() + ")").collect(Collectors.joining(", ")));
        EventService store = events.get();
        if (store == null) {
            LOG.warn("No event store is running: the invalid policies of {} are not reported as events", application);
            return;
        }
        store.ingest(invalid.stream().map(this::event).toList());
    }

    private NewEvent event(Policy policy) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("policyId", policy.id().toString());
        payload.put("policyName", policy.name());
        payload.put("application", policy.application());
        if (policy.checkedAgainst() != null) {
            payload.put("pluginVersion", policy.checkedAgainst());
        }
        payload.put("problems", policy.problems().stream()
                .map(p -> Map.<String, Object>of("field", p.field(), "message", p.message())).toList());
        return new NewEvent(null, clock.instant(), null, policy.groupId(), Event.CORE_SOURCE,
                PolicyEventTypes.POLICY_INVALID, EventSeverity.WARNING, describe(policy), payload);
    }

    private static String describe(Policy policy) {
        List<FieldError> problems = policy.problems();
        String listed = problems.stream().limit(MAX_PROBLEMS_DESCRIBED).map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; "));
        String text = "The policy \"" + policy.name() + "\" no longer matches the settings schema of "
                + policy.application() + (policy.checkedAgainst() == null ? "" : " " + policy.checkedAgainst())
                + ": " + listed + (problems.size() > MAX_PROBLEMS_DESCRIBED
                        ? " (and " + (problems.size() - MAX_PROBLEMS_DESCRIBED) + " more)" : "");
        return text.length() <= EventService.MAX_DESCRIPTION_LENGTH ? text
                : text.substring(0, EventService.MAX_DESCRIPTION_LENGTH - 1) + "…";
    }
}
