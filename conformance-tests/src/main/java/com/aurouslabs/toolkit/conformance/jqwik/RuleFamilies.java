package com.aurouslabs.toolkit.conformance.jqwik;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule families of rules.yaml ({@code family:}) a property class is the check for. The mutation self-check
 * runs, for a defect of rule R, the classes that declare R's family (so a new defect needs no table entry), and a
 * test holds that every family of the catalog is declared by some class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleFamilies {
  String[] value();
}
