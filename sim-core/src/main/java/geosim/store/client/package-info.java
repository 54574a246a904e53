/**
 * Clients of the replicated store ({@code model = store} with {@code store.clients.populations}):
 * one client actor per region's population sends reads and writes, drawn from the {@code
 * geosim.workload} library (load shapes thinned into Poisson arrivals, or a closed loop with think
 * time; YCSB key choosers and operation mixes), to a coordinator of its region, chosen token-aware
 * or round robin, and fails over to the nearest healthy region when its own is out. Sits on
 * {@code geosim.store.node} (the coordinators it talks to) and {@code geosim.workload}.
 */
package geosim.store.client;
