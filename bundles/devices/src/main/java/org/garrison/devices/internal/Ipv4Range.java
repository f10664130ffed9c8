package org.garrison.devices.internal;

/**
 * An inclusive range of IPv4 addresses, written as CIDR ({@code 10.1.0.0/16}) or from-to
 * ({@code 10.1.0.10-10.1.0.99}); a single address is a range of one.
 *
 * @param low  the first address, as a number
 * @param high the last address, as a number
 */
record Ipv4Range(long low, long high) {

    /**
     * @throws IllegalArgumentException with a message for the admin if the text is not a range
     */
    static Ipv4Range parse(String text) {
        String value = text == null ? "" : text.trim();
        int slash = value.indexOf('/');
        if (slash >= 0) {
            long base = Normalised.ipv4(value.substring(0, slash));
            int bits;
            try {
                bits = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a CIDR prefix length is a number from 0 to 32");
            }
            if (bits < 0 || bits > 32) {
                throw new IllegalArgumentException("a CIDR prefix length is a number from 0 to 32");
            }
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            long low = base & mask;
            return new Ipv4Range(low, low | (~mask & 0xFFFFFFFFL));
        }
        int dash = value.indexOf('-');
        if (dash >= 0) {
            long low = Normalised.ipv4(value.substring(0, dash));
            long high = Normalised.ipv4(value.substring(dash + 1));
            if (high < low) {
                throw new IllegalArgumentException("the range ends before it starts");
            }
            return new Ipv4Range(low, high);
        }
        long single = Normalised.ipv4(value);
        return new Ipv4Range(single, single);
    }

    boolean contains(long address) {
        return address >= low && address <= high;
    }
}
