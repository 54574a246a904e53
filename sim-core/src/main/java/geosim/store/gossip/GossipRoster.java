package geosim.store.gossip;

import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The nodes of a gossiping cluster, named by their paths and numbered by their index in the
 * topology, and its seeds: the first node of each data center, as operators list one or two nodes
 * per data center in Cassandra's {@code seed_provider}. Built once before the run and shared
 * read-only by every node's actor; the map is looked up and never iterated.
 */
public final class GossipRoster {
  private final List<String> paths;
  private final Map<String, Integer> indexByPath;
  private final List<String> seeds;

  /**
   * @param paths every node's path, by index
   * @param dataCenters every node's data center (any name unique to it), by index; nodes of one
   *     data center are consecutive
   */
  public GossipRoster(List<String> paths, List<String> dataCenters) {
    if (paths.size() != dataCenters.size()) {
      throw new IllegalArgumentException("paths and dataCenters differ in size: " + paths.size() + " and "
          + dataCenters.size());
    }
    this.paths = List.copyOf(paths);
    this.indexByPath = new HashMap<>();
    List<String> seedList = new ArrayList<>();
    String last = null;
    for (int i = 0; i < paths.size(); i++) {
      indexByPath.put(Endpoints.check(paths.get(i), "path"), i);
      String dc = Objects.requireNonNull(dataCenters.get(i), "dataCenter");
      if (!dc.equals(last)) seedList.add(paths.get(i));
      last = dc;
    }
    this.seeds = List.copyOf(seedList);
  }

  /** The servers of {@code topology}, by index, with the first server of each data center as seed. */
  public static GossipRoster of(Topology topology) {
    List<String> paths = new ArrayList<>();
    List<String> dataCenters = new ArrayList<>();
    for (Placement p : topology.servers()) {
      paths.add(p.path());
      dataCenters.add(p.region().name() + "/" + p.dataCenter().name());
    }
    return new GossipRoster(paths, dataCenters);
  }

  /** Node {@code index}'s path. */
  public String path(int index) {
    return paths.get(index);
  }

  /** The index of the node at {@code path}. */
  public int indexOf(String path) {
    Integer index = indexByPath.get(path);
    if (index == null) throw new IllegalArgumentException("no gossiping node " + path);
    return index;
  }

  /** The seeds, in index order. */
  public List<String> seeds() {
    return seeds;
  }

  public int size() {
    return paths.size();
  }
}
