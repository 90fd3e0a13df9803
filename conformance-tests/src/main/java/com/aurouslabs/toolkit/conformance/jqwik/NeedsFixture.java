package com.aurouslabs.toolkit.conformance.jqwik;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The property needs these fixtures; without them it is SKIPPED, naming the variable to set. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NeedsFixture {
  Fixture[] value();
}
