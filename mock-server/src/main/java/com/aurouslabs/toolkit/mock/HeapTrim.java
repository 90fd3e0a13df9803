package com.aurouslabs.toolkit.mock;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The runnable jar's memory footprint, set from inside (a plain {@code java -jar} gets no heap flags): on a large
 * machine the JVM starts with an initial heap of 1/64 of its memory (384 MiB on 24 GiB) and lets young collections
 * fill 60 % of it, although the mock keeps under 30 MiB alive. Shortly after start-up this thread sets the
 * HotSpot options a running JVM may change (manageable: {@code MinHeapFreeRatio} 10, {@code MaxHeapFreeRatio} 30,
 * {@code G1PeriodicGCInterval} 15 s) and collects once, so the heap shrinks to what is alive (the start-up's garbage
 * is returned) and grows again only as far as the collector's own pause-time policy needs under load; an idle mock
 * gives memory back within about 30 s (G1 checks the interval once per interval). Each option the JVM refuses
 * (another collector, another JVM) is skipped. Only the runnable jar does this; a mock started in-process leaves the
 * host JVM's settings alone.
 */
final class HeapTrim {

    /** After the first requests (a start-up check, a browser's first call) have been answered. */
    private static final long DELAY_MILLIS = 1_000;

    private HeapTrim() {
    }

    static void scheduleAfterStart() {
        Thread trim = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                // Min before Max: each step keeps MinHeapFreeRatio <= MaxHeapFreeRatio, as the JVM requires.
                set(hotspot, "MinHeapFreeRatio", "10");
                set(hotspot, "MaxHeapFreeRatio", "30");
                set(hotspot, "G1PeriodicGCInterval", "15000");
                System.gc();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError ignored) {
                // no HotSpot management here: the footprint stays the JVM's default
            }
        }, "estimate-mock-heap-trim");
        trim.setDaemon(true);
        trim.start();
    }

    private static void set(HotSpotDiagnosticMXBean hotspot, String option, String value) {
        try {
            hotspot.setVMOption(option, value);
        } catch (IllegalArgumentException ignored) {
            // not manageable or out of range on this JVM
        }
    }
}
