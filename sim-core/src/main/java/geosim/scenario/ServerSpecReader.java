package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.topology.DiskKind;
import geosim.topology.ServerRole;
import geosim.topology.ServerSpec;
import java.util.function.Function;

/**
 * Reads server hardware as an overlay: an element says only what differs from the server it
 * starts from (the defaults, then the data center's {@code server}, the rack's {@code server},
 * then a listed server's own keys). Only the keys an element itself writes are read, so a bad
 * value is reported once, where it is written, not again for every server that inherits it.
 */
final class ServerSpecReader {
  static final String ROLE = "role";
  static final String CORES = "cores";
  static final String MEMORY_GB = "memory-gb";
  static final String DISK = "disk";
  static final String NIC_GBPS = "nic-gbps";

  private final TopologyValues values;

  ServerSpecReader(TopologyValues values) {
    this.values = values;
  }

  /**
   * {@code base} with the hardware keys {@code own} writes replaced; null when a key is bad or
   * {@code base} is null (its problem was reported where it is written).
   */
  ServerSpec overlay(ConfigObject own, ServerSpec base, String path) {
    int before = values.problems().count();
    ServerRole role = choice(own, path, ROLE, ServerRole::fromConfig);
    DiskKind disk = choice(own, path, DISK, DiskKind::fromConfig);
    Long cores = integer(own, path, CORES, ServerSpec.CORES_MAX);
    Long memoryGb = integer(own, path, MEMORY_GB, ServerSpec.MEMORY_GB_MAX);
    ConfigValue nic = own.get(NIC_GBPS);
    Double nicGbps = nic == null ? null : values.positive(path(path, NIC_GBPS), nic, ServerSpec.NIC_GBPS_MAX);
    if (values.problems().count() != before || base == null) return null;
    return new ServerSpec(
        role != null ? role : base.role(),
        cores != null ? cores.intValue() : base.cores(),
        memoryGb != null ? memoryGb.intValue() : base.memoryGb(),
        disk != null ? disk : base.disk(),
        nicGbps != null ? nicGbps : base.nicGbps());
  }

  private Long integer(ConfigObject own, String path, String key, long max) {
    ConfigValue value = own.get(key);
    return value == null ? null : values.reader().integer(path(path, key), value, 1, max);
  }

  private <E> E choice(ConfigObject own, String path, String key, Function<String, E> parse) {
    ConfigValue value = own.get(key);
    if (value == null) return null;
    String text = values.reader().string(path(path, key), value);
    if (text == null) return null;
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      values.problems().at(value, path(path, key), e.getMessage());
      return null;
    }
  }
}
