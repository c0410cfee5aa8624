/**
 * Classes that break the rules of {@link dev.accord.architecture.BoundaryRules} on purpose, one
 * sub-package per pretend module; {@link dev.accord.architecture.BoundaryRulesCatchViolationsTest}
 * checks that each rule reports them.
 */
package dev.accord.architecture.violations;
