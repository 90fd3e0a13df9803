package com.aurouslabs.toolkit.mock.junit;

import com.aurouslabs.toolkit.mock.Profile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the estimate mock in-process on a random port for the annotated test class (like {@code @WireMockTest})
 * and injects {@link MockServerInfo} (or {@link com.aurouslabs.toolkit.mock.MockServer}) into test and
 * lifecycle methods. State (buckets, journal, defect) is reset before each test unless {@link #resetEachTest()}
 * is false.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AurousMockExtension.class)
public @interface AurousMockTest {

    /** estimate_post bucket capacity. */
    int rateLimitCapacity() default 240;

    /** estimate_post refill per minute. */
    int rateLimitRefillPerMinute() default 120;

    /** false disables rate limiting. */
    boolean rateLimit() default true;

    /** Fixtures file (YAML/JSON); empty = built-in fixtures. */
    String fixtures() default "";

    /** Spec file; empty = the bundled spec. */
    String spec() default "";

    boolean warnOnly() default false;

    /** The reading of the docs to serve (rules.yaml decisions, or their alternatives). */
    Profile profile() default Profile.DEFAULT;

    /** A defect by name ({@code Defects.all()}); {@code "NONE"} for none. Test-only. */
    String defect() default "NONE";

    String corsOrigin() default "*";

    boolean resetEachTest() default true;
}
