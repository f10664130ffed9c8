package org.garrison.agent.simulator;

import static org.garrison.agent.simulator.SimulatedDice.between;
import static org.garrison.agent.simulator.SimulatedDice.hash;
import static org.garrison.agent.simulator.SimulatedDice.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.garrison.agent.simulator.SimulatedCatalogue.Product;
import org.garrison.api.device.SoftwareEntry;

/**
 * A simulated machine's software registry at a given time. Each product updates on its own rhythm (its cadence,
 * varied per machine, from {@link SimulatedProfile#EPOCH} on), and a few products per machine come and go (installed
 * for a while, then removed), so successive inventories differ the way a real machine's do.
 */
final class SimulatedSoftware {

    private static final long DAY = 86_400L;

    private SimulatedSoftware() {
    }

    static List<SoftwareEntry> at(SimulatedProfile profile, long time) {
        List<Product> catalogue = SimulatedCatalogue.standard().products(profile.family());
        long epoch = SimulatedProfile.EPOCH.getEpochSecond();
        long machineInstalled = profile.installedAt.getEpochSecond();
        List<SoftwareEntry> entries = new ArrayList<>(profile.products.length);
        for (int position = 0; position < profile.products.length; position++) {
            int product = profile.products[position];
            Product p = catalogue.get(product);
            long h = profile.draw(200, product);
            long presentSince = Long.MIN_VALUE;
            if (profile.transientProducts.get(position)) {
                long period = (long) (between(hash(h, 2), 5, 45) * DAY);
                long phase = (long) (unit(hash(h, 3)) * period);
                long window = Math.floorDiv(time + phase, period);
                if (unit(hash(h, 4, window)) >= 0.6) {
                    continue;
                }
                presentSince = window * period - phase;
            }
            long interval = Math.max(DAY, (long) (p.cadenceDays() * DAY * between(hash(h, 5), 0.7, 1.3)));
            long phase = (long) (unit(hash(h, 6)) * interval);
            long updates = time < epoch ? 0 : Math.floorDiv(time - epoch + phase, interval);
            long installed = updates > 0 ? epoch + updates * interval - phase
                    : machineInstalled + (long) (unit(hash(h, 7)) * (epoch - machineInstalled));
            installed = Math.min(Math.max(installed, presentSince), time);
            String version = p.version(SimulatedDice.below(hash(h, 8), p.versions().size()) + updates);
            entries.add(new SoftwareEntry(p.name(), p.vendor() != null ? p.vendor() : profile.release.packager(),
                    version, Instant.ofEpochSecond(installed), p.location()));
        }
        return entries;
    }
}
