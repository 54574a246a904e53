/**
 * Model layer: the foundation's placeholder ping model, replaced by the workload issue. Servers
 * in regions ping each other over fixed round-trip times; {@link geosim.ping.PingSettings} holds
 * its validated parameters.
 */
package geosim.ping;
