/**
 * Statistics over runs: estimates with confidence intervals over independent replications.
 * Model layer (depends on nothing in geosim); the sweep runner and the validation tests use it.
 */
package geosim.metrics;
