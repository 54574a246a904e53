package geosim.network;

import geosim.topology.ElementName;

/**
 * What sits at an end of a link, told from its actor path (see {@link
 * geosim.topology.ActorPaths}): the last segment names a switch ({@code tor}, {@code agg-N},
 * {@code core-N}, {@code wan}) or else the path is a server's. Element names never take those
 * segments, so the answer is unambiguous.
 */
public enum NodeKind {
  SERVER,
  TOR,
  AGGREGATION,
  CORE,
  WAN;

  /** The kind of the element at actor path {@code path}. */
  public static NodeKind of(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.equals(ElementName.WAN_ROUTER)) return WAN;
    if (last.equals(ElementName.TOR_SWITCH)) return TOR;
    if (last.startsWith("agg-")) return AGGREGATION;
    if (last.startsWith("core-")) return CORE;
    return SERVER;
  }
}
