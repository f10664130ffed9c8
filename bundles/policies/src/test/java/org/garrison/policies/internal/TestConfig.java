package org.garrison.policies.internal;

import java.lang.annotation.Annotation;

/**
 * The policies' configuration with chosen values.
 */
record TestConfig(int maxProfiles, String[] outside, int offlineMinutes) implements PoliciesConfig {

    static TestConfig defaults() {
        return new TestConfig(100, new String[] {"outside"}, 15);
    }

    @Override
    public int maxProfilesPerPolicy() {
        return maxProfiles;
    }

    @Override
    public String[] outsideNetworkLocations() {
        return outside;
    }

    @Override
    public int offlineAfterMinutes() {
        return offlineMinutes;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return PoliciesConfig.class;
    }
}
