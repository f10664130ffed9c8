package org.garrison.devices.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.garrison.api.device.Device;

/**
 * The words free-text search finds a device by. A search text matches a device when it is the start of one of its
 * terms: the display name and DNS name from the start of any of their words (a word starts after a character that
 * is neither a letter nor a digit, so "corp" finds {@code ws-12.corp.example} and "12" finds {@code ws-12}), and
 * the IPv4, IPv6 and MAC addresses from their start. Terms are stored lower-case, one row each, so a search is an
 * index range scan instead of a scan of every device.
 */
final class SearchTerms {

    /** The longest term stored: the width of the column. Longer values are cut; see {@link #prefixPatterns}. */
    static final int MAX_LENGTH = 255;

    private SearchTerms() {
    }

    static Set<String> of(Device device) {
        return of(device.displayName(), device.identity().dnsName(), device.network().ipv4(),
                device.network().ipv6(), device.network().macAddresses());
    }

    static Set<String> of(String displayName, String dnsName, String ipv4, String ipv6, List<String> macs) {
        Set<String> terms = new LinkedHashSet<>();
        addWords(terms, displayName);
        addWords(terms, dnsName);
        add(terms, ipv4);
        add(terms, ipv6);
        macs.forEach(mac -> add(terms, mac));
        return terms;
    }

    /** The value from its start and from the start of each of its words. */
    private static void addWords(Set<String> terms, String value) {
        String key = Normalised.key(value);
        for (int i = 0; i < key.length(); i++) {
            if (Character.isLetterOrDigit(key.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(key.charAt(i - 1)))) {
                add(terms, key.substring(i));
            }
        }
    }

    private static void add(Set<String> terms, String value) {
        String key = Normalised.key(value);
        if (!key.isEmpty()) {
            terms.add(key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key);
        }
    }

    /**
     * The LIKE patterns (escaped with '\') of the terms a search text finds: the text as typed and, when it has
     * dashes, the same with colons, the notation MAC addresses are stored in. A text longer than a term is cut to
     * the term's width, so it still finds the (cut) term it starts.
     */
    static List<String> prefixPatterns(String text) {
        String key = Normalised.key(text);
        if (key.length() > MAX_LENGTH) {
            key = key.substring(0, MAX_LENGTH);
        }
        String pattern = escape(key) + "%";
        String macForm = escape(key.replace('-', ':')) + "%";
        return pattern.equals(macForm) ? List.of(pattern) : List.of(pattern, macForm);
    }

    private static String escape(String key) {
        return key.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
