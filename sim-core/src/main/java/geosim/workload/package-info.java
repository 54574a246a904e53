/**
 * Workload building blocks: how much load arrives when ({@link geosim.workload.LoadShape}, thinned
 * into Poisson arrivals by {@link geosim.workload.Arrivals}, traces read by {@link
 * geosim.workload.TraceCsv}), which keys it touches ({@link geosim.workload.KeyChooser}) and which
 * kinds of requests it sends ({@link geosim.workload.OperationMix}, YCSB's presets in {@link
 * geosim.workload.YcsbWorkload}). Pure functions of virtual time and a caller's random stream: no
 * actors, no clocks.
 */
package geosim.workload;
