/**
 * PHOLD, the standard benchmark of parallel discrete-event simulation [1], as a model on the
 * kernel, and a hand-written sequential reference loop that marks the speed limit. Model layer:
 * depends only on {@code geosim.kernel}.
 *
 * <p>[1] Fujimoto: Performance of Time Warp under synthetic workloads, Proc. SCS Multiconference
 * on Distributed Simulation, 1990.
 */
package geosim.phold;
