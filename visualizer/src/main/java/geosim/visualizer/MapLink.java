package geosim.visualizer;

/**
 * A WAN link between two regions' routers, as the map draws it.
 *
 * @param a one region's name
 * @param b the other's
 * @param rttMs the configured round-trip time, ms
 */
record MapLink(String a, String b, double rttMs) {}
