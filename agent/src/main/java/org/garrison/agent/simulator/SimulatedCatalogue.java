package org.garrison.agent.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The software products simulated machines install, per operating system family, with real names, vendors and
 * version histories ({@code simulated-software.txt} beside this class).
 *
 * <p>The catalogue is immutable and loaded once for all simulated machines of the JVM, so that ten thousand
 * machines share one copy of every name and version string.
 */
final class SimulatedCatalogue {

    /** An operating system family the catalogue has products for. */
    enum Family {
        WINDOWS, LINUX, MACOS
    }

    /**
     * A product.
     *
     * @param name        its name as the package registry shows it
     * @param vendor      its vendor; {@code null} for the distribution's packager (Linux)
     * @param popularity  the share of machines of the family that have it
     * @param cadenceDays the typical number of days between two updates
     * @param versions    its versions, oldest first
     * @param location    where it is installed, or {@code null}
     */
    record Product(String name, String vendor, double popularity, int cadenceDays, List<String> versions,
            String location) {

        /**
         * The version after {@code updates} updates from the first listed one: beyond the list, the last number of
         * the newest version counts up, so a simulated machine keeps updating for as long as it runs.
         */
        String version(long updates) {
            if (updates < versions.size()) {
                return versions.get((int) updates);
            }
            String newest = versions.get(versions.size() - 1);
            Matcher last = LAST_NUMBER.matcher(newest);
            if (!last.find()) {
                return newest + "." + (updates - versions.size() + 1);
            }
            long bumped = Long.parseLong(last.group(1)) + updates - versions.size() + 1;
            return newest.substring(0, last.start(1)) + bumped + newest.substring(last.end(1));
        }
    }

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d{1,9})\\D*$");

    /** Loaded on first use, shared by all simulated machines. */
    private static final class Standard {
        static final SimulatedCatalogue CATALOGUE = load();
    }

    private final Map<Family, List<Product>> products;

    private SimulatedCatalogue(Map<Family, List<Product>> products) {
        this.products = products;
    }

    static SimulatedCatalogue standard() {
        return Standard.CATALOGUE;
    }

    /** The products of a family, in a fixed order (indexes stay valid). */
    List<Product> products(Family family) {
        return products.get(family);
    }

    private static SimulatedCatalogue load() {
        Map<Family, List<Product>> products = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            products.put(family, new ArrayList<>());
        }
        try (InputStream stream = SimulatedCatalogue.class.getResourceAsStream("simulated-software.txt")) {
            if (stream == null) {
                throw new IllegalStateException("simulated-software.txt is missing from the agent");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|", -1);
                if (fields.length != 7) {
                    throw new IllegalStateException("bad catalogue line: " + line);
                }
                Family family = switch (fields[0]) {
                    case "W" -> Family.WINDOWS;
                    case "L" -> Family.LINUX;
                    case "M" -> Family.MACOS;
                    default -> throw new IllegalStateException("bad catalogue family: " + line);
                };
                products.get(family).add(new Product(fields[1].intern(),
                        fields[2].equals("@") ? null : fields[2].intern(), Double.parseDouble(fields[3]),
                        Integer.parseInt(fields[4]), List.of(fields[5].split(",")),
                        fields[6].isEmpty() ? null : fields[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        products.replaceAll((family, list) -> List.copyOf(list));
        return new SimulatedCatalogue(products);
    }
}
