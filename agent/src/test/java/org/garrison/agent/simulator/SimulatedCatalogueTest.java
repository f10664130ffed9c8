package org.garrison.agent.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.garrison.agent.simulator.SimulatedCatalogue.Family;
import org.garrison.agent.simulator.SimulatedCatalogue.Product;
import org.junit.jupiter.api.Test;

class SimulatedCatalogueTest {

    @Test
    void everyFamilyHasEnoughDistinctProductsForAFullMachine() {
        for (Family family : Family.values()) {
            List<Product> products = SimulatedCatalogue.standard().products(family);
            Set<String> keys = new HashSet<>();
            for (Product product : products) {
                assertTrue(keys.add((product.name() + "\n" + product.vendor()).toLowerCase(Locale.ROOT)),
                        "listed twice: " + product.name());
                assertFalse(product.versions().isEmpty(), product.name());
                assertTrue(product.popularity() >= 0 && product.popularity() <= 1, product.name());
                assertTrue(product.cadenceDays() > 0, product.name());
            }
            assertTrue(products.size() > SimulatedProfile.MIN_SOFTWARE + 20, family + ": " + products.size());
        }
    }

    @Test
    void versionsFollowTheListThenCountUpTheLastNumber() {
        Product chrome = new Product("Google Chrome", "Google LLC", 1, 14, List.of("120.0.6099.225", "121.0.6167.185"),
                null);
        Product debian = new Product("openssh-client", null, 1, 90, List.of("1:9.2p1-2+deb12u2"), null);

        assertEquals("120.0.6099.225", chrome.version(0));
        assertEquals("121.0.6167.185", chrome.version(1));
        assertEquals("121.0.6167.188", chrome.version(4));
        assertEquals("1:9.2p1-2+deb12u5", debian.version(3));
    }
}
