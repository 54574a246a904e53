/**
 * Model layer: the queue validation model. A Poisson source sends requests to one server whose
 * {@link geosim.node.Cpu} has c cores, so that measured response times can be checked against
 * queueing theory (Erlang C for M/M/c, Pollaczek-Khinchine for M/D/1). Depends on {@code
 * geosim.kernel} and {@code geosim.node}.
 */
package geosim.queue;
