package org.garrison.gateway.internal.instructions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.agent.InstructionResultListener;
import org.garrison.api.agent.InstructionStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every {@link InstructionResultListener} about instructions that changed state, after the change is
 * committed. A failing listener is logged and does not keep the others from hearing about it.
 */
@Component(service = InstructionResults.class)
public class InstructionResults {

    private static final Logger LOG = LoggerFactory.getLogger(InstructionResults.class);

    private final List<InstructionResultListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    public void addListener(InstructionResultListener listener) {
        listeners.add(listener);
    }

    public void removeListener(InstructionResultListener listener) {
        listeners.remove(listener);
    }

    public void announce(List<InstructionStatus> changed) {
        for (InstructionStatus status : changed) {
            for (InstructionResultListener listener : listeners) {
                try {
                    listener.resultReported(status);
                } catch (RuntimeException e) {
                    LOG.warn("Instruction result listener {} failed on instruction {}", listener.getClass().getName(),
                            status.id(), e);
                }
            }
        }
    }
}
