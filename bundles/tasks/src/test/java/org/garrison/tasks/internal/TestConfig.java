package org.garrison.tasks.internal;

import java.lang.annotation.Annotation;

/** The tasks area's settings, as the tests choose them. */
record TestConfig(int maxPauseSeconds, int missedAfterSeconds, int keptRunsPerTask, int batchSize,
        int serverRunThreads) implements TasksConfig {

    static TestConfig defaults() {
        return new TestConfig(60, 120, 30, 500, 2);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return TasksConfig.class;
    }
}
