package geosim.relational;

/**
 * What a request costs a database server, and the network between the servers and the clients.
 *
 * @param cores cores of each server, >= 1; writes and reads share them
 * @param cpuPerWriteNs CPU of one write on the primary, ns, >= 0
 * @param cpuPerReadNs CPU of one read, ns, >= 0
 * @param applyPerWriteNs time the replica's single SQL thread takes to apply one binlog event, ns, >= 0
 * @param networkDelayNs one-way delay between any two of them, ns, > 0
 */
public record RelationalCosts(int cores, long cpuPerWriteNs, long cpuPerReadNs, long applyPerWriteNs,
    long networkDelayNs) {
  public RelationalCosts {
    if (cores < 1 || cores > geosim.node.Cpu.CORES_MAX) throw new IllegalArgumentException("cores out of range: " + cores);
    if (cpuPerWriteNs < 0 || cpuPerReadNs < 0 || applyPerWriteNs < 0) throw new IllegalArgumentException("negative cost");
    if (networkDelayNs <= 0) throw new IllegalArgumentException("networkDelayNs must be > 0, got " + networkDelayNs);
  }
}
