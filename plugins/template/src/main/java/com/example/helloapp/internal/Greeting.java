package com.example.helloapp.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * The last greeting report of one device, as stored and as the REST resource shows it.
 *
 * @param deviceId     the device
 * @param lastGreeting what the application said last
 * @param count        how many greetings it said since it was installed
 * @param reportedAt   when the application made the report
 */
public record Greeting(UUID deviceId, String lastGreeting, long count, Instant reportedAt) {
}
