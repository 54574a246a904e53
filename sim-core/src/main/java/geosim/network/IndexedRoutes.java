package geosim.network;

import geosim.kernel.Seeds;
import geosim.topology.ActorPaths;
import geosim.topology.DataCenter;
import geosim.topology.Placement;
import geosim.topology.Rack;
import geosim.topology.Region;
import geosim.topology.Server;
import geosim.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of {@link Routes}, from server indices instead of paths: every link id and every
 * switch's ECMP salt is looked up once, when this is built, so a route costs a few array reads
 * per hop and no string work. {@code RoutesTest} checks that it gives exactly the routes of
 * {@link Routes#route(String, String, long)}.
 */
final class IndexedRoutes {
  private final Hop[] hopById;
  private final String[] serverPath;
  private final int[] rackOfServer;
  private final int[] srvUp;
  private final int[] srvDown;
  private final int[] dcOfRack;
  private final long[] torSalt;
  private final int[][] torUp;
  private final int[][] torDown;
  private final int[] regionOfDc;
  private final long[][] aggSalt;
  private final long[][] coreSalt;
  private final int[][][] aggUp;
  private final int[][][] coreDown;
  private final int[][] coreUp;
  private final int[][] wanDown;
  private final long[] wanSalt;
  private final int[][] wanLink;

  IndexedRoutes(Topology topology, Routes routes) {
    hopById = new Hop[routes.links().size()];
    for (int id = 0; id < hopById.length; id++) hopById[id] = new Hop(id, routes.link(id));
    List<Placement> servers = topology.servers();
    Map<String, Integer> indexOf = new HashMap<>(); // looked up, never iterated
    for (int s = 0; s < servers.size(); s++) indexOf.put(servers.get(s).path(), s);
    serverPath = new String[servers.size()];
    rackOfServer = new int[servers.size()];
    srvUp = new int[servers.size()];
    srvDown = new int[servers.size()];
    List<Region> regions = topology.regions();
    int dcs = 0;
    int racks = 0;
    for (Region g : regions) {
      for (DataCenter dc : g.dataCenters()) {
        dcs++;
        racks += dc.racks().size();
      }
    }
    dcOfRack = new int[racks];
    torSalt = new long[racks];
    torUp = new int[racks][];
    torDown = new int[racks][];
    regionOfDc = new int[dcs];
    aggSalt = new long[dcs][];
    coreSalt = new long[dcs][];
    aggUp = new int[dcs][][];
    coreDown = new int[dcs][][];
    coreUp = new int[dcs][];
    wanDown = new int[dcs][];
    wanSalt = new long[regions.size()];
    wanLink = new int[regions.size()][regions.size()];
    int d = 0;
    int r = 0;
    for (int g = 0; g < regions.size(); g++) {
      String region = regions.get(g).name();
      String wan = ActorPaths.wanRouter(region);
      wanSalt[g] = Seeds.idOf(wan);
      for (int h = 0; h < regions.size(); h++) {
        if (h != g) wanLink[g][h] = routes.linkId(wan, ActorPaths.wanRouter(regions.get(h).name()));
      }
      for (DataCenter dc : regions.get(g).dataCenters()) {
        dataCenter(routes, region, dc, d, g);
        for (Rack rack : dc.racks()) {
          String tor = ActorPaths.torSwitch(region, dc.name(), rack.name());
          dcOfRack[r] = d;
          torSalt[r] = Seeds.idOf(tor);
          int aggs = dc.fabric().aggregationSwitches();
          torUp[r] = new int[aggs];
          torDown[r] = new int[aggs];
          for (int a = 0; a < aggs; a++) {
            String agg = ActorPaths.aggregationSwitch(region, dc.name(), a + 1);
            torUp[r][a] = routes.linkId(tor, agg);
            torDown[r][a] = routes.linkId(agg, tor);
          }
          for (Server server : rack.servers()) {
            String path = ActorPaths.server(region, dc.name(), rack.name(), server.name());
            int s = indexOf.get(path);
            serverPath[s] = path;
            rackOfServer[s] = r;
            srvUp[s] = routes.linkId(path, tor);
            srvDown[s] = routes.linkId(tor, path);
          }
          r++;
        }
        d++;
      }
    }
  }

  private void dataCenter(Routes routes, String region, DataCenter dc, int d, int g) {
    int aggs = dc.fabric().aggregationSwitches();
    int cores = dc.fabric().coreSwitches();
    String wan = ActorPaths.wanRouter(region);
    regionOfDc[d] = g;
    aggSalt[d] = new long[aggs];
    coreSalt[d] = new long[cores];
    aggUp[d] = new int[aggs][cores];
    coreDown[d] = new int[cores][aggs];
    coreUp[d] = new int[cores];
    wanDown[d] = new int[cores];
    for (int c = 0; c < cores; c++) {
      String core = ActorPaths.coreSwitch(region, dc.name(), c + 1);
      coreSalt[d][c] = Seeds.idOf(core);
      coreUp[d][c] = routes.linkId(core, wan);
      wanDown[d][c] = routes.linkId(wan, core);
    }
    for (int a = 0; a < aggs; a++) {
      String agg = ActorPaths.aggregationSwitch(region, dc.name(), a + 1);
      aggSalt[d][a] = Seeds.idOf(agg);
      for (int c = 0; c < cores; c++) {
        String core = ActorPaths.coreSwitch(region, dc.name(), c + 1);
        aggUp[d][a][c] = routes.linkId(agg, core);
        coreDown[d][c][a] = routes.linkId(core, agg);
      }
    }
  }

  int serverCount() {
    return serverPath.length;
  }

  /** As {@link Routes#route(String, String, long)} for the servers with these indices in {@code Topology.servers()}. */
  Route route(int from, int to, long flowId) {
    if (from == to) return new Route(serverPath[from], serverPath[to], List.of());
    int ra = rackOfServer[from];
    int rb = rackOfServer[to];
    int da = dcOfRack[ra];
    int db = dcOfRack[rb];
    Hop[] hops = new Hop[hopCount(ra, rb, da, db)];
    int n = 0;
    hops[n++] = hopById[srvUp[from]];
    if (ra != rb) {
      int aggA = ecmp(flowId, torSalt[ra], torUp[ra].length);
      hops[n++] = hopById[torUp[ra][aggA]];
      if (da == db) {
        hops[n++] = hopById[torDown[rb][aggA]];
      } else {
        int coreA = ecmp(flowId, aggSalt[da][aggA], coreUp[da].length);
        hops[n++] = hopById[aggUp[da][aggA][coreA]];
        hops[n++] = hopById[coreUp[da][coreA]];
        int ga = regionOfDc[da];
        int gb = regionOfDc[db];
        if (ga != gb) hops[n++] = hopById[wanLink[ga][gb]];
        int coreB = ecmp(flowId, wanSalt[gb], wanDown[db].length);
        hops[n++] = hopById[wanDown[db][coreB]];
        int aggB = ecmp(flowId, coreSalt[db][coreB], coreDown[db][coreB].length);
        hops[n++] = hopById[coreDown[db][coreB][aggB]];
        hops[n++] = hopById[torDown[rb][aggB]];
      }
    }
    hops[n] = hopById[srvDown[to]];
    return new Route(serverPath[from], serverPath[to], new CheckedHops(hops));
  }

  /** Hops between two servers in racks {@code ra} and {@code rb}, data centers {@code da} and {@code db}. */
  private int hopCount(int ra, int rb, int da, int db) {
    if (ra == rb) return 2;
    if (da == db) return 4;
    return regionOfDc[da] == regionOfDc[db] ? 8 : 9;
  }

  /** {@link Routes#ecmp} with the chooser's id already hashed, 0-based. */
  private static int ecmp(long flowId, long chooserId, int choices) {
    return (int) Long.remainderUnsigned(Seeds.mix64(flowId ^ chooserId), choices);
  }
}
