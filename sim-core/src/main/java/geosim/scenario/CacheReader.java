package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigValue;
import geosim.node.Cpu;
import geosim.store.cache.CacheCrash;
import geosim.store.cache.CacheSettings;
import geosim.topology.Placement;
import geosim.topology.Region;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code store.cache} into {@link CacheSettings}. A cache server runs on a machine like the
 * first server of its region (where the app tier sits), so its memory for items must fit in that
 * server's {@code memory-gb}.
 */
final class CacheReader {
  static final String CACHE = "store.cache";
  private static final String CRASHES = "crashes";
  private static final String EXAMPLE = "{ at = 5m, region = us-east, server = 1, duration = 30s }";
  private static final Set<String> CRASH_KEYS = Set.of("at", "region", "server", "duration");
  /** Most memory per cache server: the largest server memory a topology may give. */
  private static final long MEMORY_BYTES_MAX = (long) geosim.topology.ServerSpec.MEMORY_GB_MAX << 30;
  /** Largest per-item overhead. Assumption: far beyond memcached's ~50 bytes of header and a 250-byte key. */
  private static final long OVERHEAD_BYTES_MAX = 1 << 20;

  private final ValueReader reader;
  private final Problems problems;

  CacheReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The cache tier over items of {@code valueBytes}; null when {@code servers-per-region} is 0, or after a problem. */
  CacheSettings read(ConfigValue cache, Topology topology, int valueBytes) {
    int before = problems.count();
    Long servers = reader.integerAt(cache, CACHE, "servers-per-region", 0, CacheSettings.SERVERS_MAX);
    ConfigValue memoryValue = reader.child(cache, CACHE, "memory");
    Long memory = reader.bytes(path(CACHE, "memory"), memoryValue, 1, MEMORY_BYTES_MAX);
    Long overhead = reader.integerAt(cache, CACHE, "item-overhead-bytes", 0, OVERHEAD_BYTES_MAX);
    Long threads = reader.integerAt(cache, CACHE, "threads", 1, Cpu.CORES_MAX);
    Long cpuNs = reader.durationNsAt(cache, CACHE, "cpu-per-request", true);
    if (problems.count() != before || servers == 0) return null;
    List<CacheCrash> crashes = crashes(reader.child(cache, CACHE, CRASHES), topology, servers);
    fitsServers(memoryValue, memory, topology);
    if (problems.count() != before) return null;
    return new CacheSettings(servers.intValue(), memory, (int) (valueBytes + overhead), threads.intValue(), cpuNs,
        crashes);
  }

  /** A cache larger than its server's memory is bad input: the region's first server hosts it. */
  private void fitsServers(ConfigValue memoryValue, long memory, Topology topology) {
    if (topology == null) return;
    for (Region region : topology.regions()) {
      Placement host = firstServer(topology, region.name());
      if (host == null) continue;
      long serverBytes = (long) host.server().spec().memoryGb() << 30;
      if (memory > serverBytes) {
        problems.at(memoryValue, path(CACHE, "memory"), "a cache server of " + memory + " bytes does not fit in the "
            + host.server().spec().memoryGb() + " GiB of memory of its server " + host.path()
            + " (region " + region.name() + "'s first server hosts its cache servers)");
        return;
      }
    }
  }

  private static Placement firstServer(Topology topology, String region) {
    for (Placement p : topology.servers()) {
      if (p.region().name().equals(region)) return p;
    }
    return null;
  }

  private List<CacheCrash> crashes(ConfigValue list, Topology topology, long servers) {
    List<CacheCrash> out = new ArrayList<>();
    new TopologyValues(reader, problems).eachObject(list, path(CACHE, CRASHES), EXAMPLE, CRASH_KEYS, (at, o) -> {
      int before = problems.count();
      String region = reader.stringAt(o, at, "region");
      Long server = reader.integerAt(o, at, "server", 1, servers);
      Long atNs = reader.durationNsAt(o, at, "at", true);
      Long downNs = o.containsKey("duration") ? reader.durationNsAt(o, at, "duration", true) : Long.valueOf(0);
      Optional<Region> known = region == null || topology == null ? Optional.empty() : topology.region(region);
      if (region != null && topology != null && known.isEmpty()) {
        problems.at(o.get("region"), path(at, "region"), "unknown region '" + region + "'");
      }
      if (problems.count() != before || known.isEmpty()) return;
      out.add(new CacheCrash(region, server.intValue(), atNs, downNs));
    });
    return out;
  }
}
