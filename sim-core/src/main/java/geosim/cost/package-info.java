/**
 * Cost layer: prices ({@link geosim.cost.CostSettings}) and what a run's usage costs under them
 * ({@link geosim.cost.CostModel}): rented cloud instances billed by the hour, or an owned data
 * center with amortized servers, power and the overheads of the Cost of a Cloud paper. Pure
 * arithmetic; depends on nothing else of geosim.
 */
package geosim.cost;
