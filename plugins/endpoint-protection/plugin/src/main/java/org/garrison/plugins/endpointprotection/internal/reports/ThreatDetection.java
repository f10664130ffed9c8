package org.garrison.plugins.endpointprotection.internal.reports;

import java.time.Instant;

/**
 * One detection in a threats report ({@code schemas/data/threats.json}).
 *
 * @param id          the application's id of the detection, stable across reports
 * @param objectPath  the infected object (may contain a user name)
 * @param threatName  e.g. {@code HEUR:Trojan.Win32.Generic}
 * @param threatType  e.g. {@code trojan}
 * @param actionTaken what the application did, e.g. {@code quarantined}
 * @param status      where the object stands now
 * @param detectedAt  when it was found
 * @param sha256      the object's hash, or {@code null}
 */
public record ThreatDetection(String id, String objectPath, String threatName, String threatType, String actionTaken,
        ThreatStatus status, Instant detectedAt, String sha256) {

    public ThreatDetection {
        detectedAt = Times.stored(detectedAt);
    }
}
