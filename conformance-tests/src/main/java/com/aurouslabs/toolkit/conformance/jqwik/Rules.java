package com.aurouslabs.toolkit.conformance.jqwik;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalog rules (rules.yaml IDs) a property checks: the rules it is skipped, filtered ({@code aurous.only}) and
 * reported under. Labels stay prose; a test holds that every catalog rule is claimed by a property or a budget step.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Rules {
  String[] value();
}
