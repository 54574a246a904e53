package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact problem lines users see for bad scenarios: each row is a config text, its
 * {@code --set} overrides and every line the loader must report, in order.
 */
class BadConfigTableTest {
  private static final String FILE = "configs/x.conf";

  private static final String FLEET = "model = fleet\nfleet.regions = [ { name = a, rate = 10, servers = 1, utc-offset = 0,\n  ";

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        row("syntax error, Typesafe's location prefix stripped",
            "seed = 1\nengine {\n  partitions = }\n",
            List.of(),
            "configs/x.conf:3: syntax error: Expecting a value but got wrong token: '}'"),
        row("unclosed brace",
            "engine {\n  partitions = 2\n",
            List.of(),
            "configs/x.conf:3: syntax error: expecting a close parentheses ')' here, not: end of file"),
        row("misspelt key suggests the closest key",
            "seed = 1\nengine {\n  partiton-by = region\n}\n",
            List.of(),
            "configs/x.conf:3: engine.partiton-by: unknown key (did you mean engine.partition-by?)"),
        row("a block set to null is no block (the readers need one)",
            "seed = 1\nengine = null\n",
            List.of(),
            "configs/x.conf:2: engine: expected a block of settings { ... }, got null"),
        row("a block set to null by --set, with the file's unknown key still reported",
            "seed = 1\nmetrics.flavour = vanilla\n",
            List.of("store=null"),
            "configs/x.conf:2: metrics.flavour: unknown key (expected one of interval)",
            "--set store: expected a block of settings { ... }, got null"),
        row("misplaced key suggests where it belongs",
            "partitions = 2\n",
            List.of(),
            "configs/x.conf:1: partitions: unknown key (did you mean engine.partitions?)"),
        row("unknown key far from any known key lists the known ones",
            "metrics {\n  flavour = vanilla\n}\n",
            List.of(),
            "configs/x.conf:2: metrics.flavour: unknown key (expected one of interval)"),
        row("geosim wrapper is not part of a scenario file",
            "geosim {\n  seed = 2\n}\n",
            List.of(),
            "configs/x.conf:1: geosim: unknown key (a scenario file has no geosim { } wrapper: write its keys at top level)"),
        row("unknown key inside a list element",
            "ping.regions = [\n  { name = us-east, servers = 4 }\n  { nmae = eu-west, servers = 4 }\n]\n",
            List.of(),
            "configs/x.conf:3: ping.regions[1].nmae: unknown key (did you mean ping.regions[1].name?)",
            "configs/x.conf:3: ping.regions[1].name: missing"),
        row("integer expected",
            "engine {\n  partitions = two\n}\n",
            List.of(),
            "configs/x.conf:2: engine.partitions: expected an integer, got 'two'"),
        row("fractional seed",
            "seed = 1.5\n",
            List.of(),
            "configs/x.conf:1: seed: expected an integer, got '1.5'"),
        row("seed beyond 64 bits",
            "seed = 99999999999999999999\n",
            List.of(),
            "configs/x.conf:1: seed: must be a 64-bit integer, got 99999999999999999999"),
        row("duration expected",
            "duration = soon\n",
            List.of(),
            "configs/x.conf:1: duration: expected a duration such as 150ms, 10s, 2h or 3d, got 'soon'"),
        row("negative duration",
            "seed = 3\nmetrics {\n  interval = -5s\n}\n",
            List.of(),
            "configs/x.conf:3: metrics.interval: must be > 0, got -5s"),
        row("zero duration",
            "duration = 0s\n",
            List.of(),
            "configs/x.conf:1: duration: must be > 0, got 0s"),
        row("duration past the nanosecond range",
            "duration = 1000000000d\n",
            List.of(),
            "configs/x.conf:1: duration: must be less than about 292 years, got 1000000000d"),
        row("partitions below range",
            "engine.partitions = 0\n",
            List.of(),
            "configs/x.conf:1: engine.partitions: must be between 1 and 256, got 0"),
        row("unknown sync",
            "engine.sync = lockstep\n",
            List.of(),
            "configs/x.conf:1: engine.sync: expected one of windows|channels, got 'lockstep'"),
        row("partitions above range",
            "engine.partitions = 257\n",
            List.of(),
            "configs/x.conf:1: engine.partitions: must be between 1 and 256, got 257"),
        row("negative event budget",
            "engine.event-budget = -1\n",
            List.of(),
            "configs/x.conf:1: engine.event-budget: must be >= 0, got -1"),
        row("enum value",
            "\n\n\n\n\nengine.partition-by = zone\n",
            List.of(),
            "configs/x.conf:6: engine.partition-by: expected one of none|region|datacenter|rack|server, got 'zone'"),
        row("object expected",
            "engine = 5\n",
            List.of(),
            "configs/x.conf:1: engine: expected an object, got '5'"),
        row("null is missing",
            "seed = null\n",
            List.of(),
            "configs/x.conf:1: seed: missing"),
        row("remote fraction out of range and zero local rtt: two problems, both reported",
            "ping {\n  remote-fraction = 1.5\n  local-rtt = 0\n}\n",
            List.of(),
            "configs/x.conf:3: ping.local-rtt: must be > 0, got 0",
            "configs/x.conf:2: ping.remote-fraction: must be between 0 and 1, got 1.5"),
        row("negative service time",
            "ping.service-time-mean = -1ms\n",
            List.of(),
            "configs/x.conf:1: ping.service-time-mean: must be >= 0, got -1ms"),
        row("bad region name",
            "ping {\n  regions = [ { name = US-East, servers = 4 } ]\n  rtt = []\n}\n",
            List.of(),
            "configs/x.conf:2: ping.regions[0].name: expected a name matching [a-z][a-z0-9-]*, got 'US-East'"),
        row("duplicate region",
            "ping.regions = [\n  { name = us-east, servers = 4 }\n  { name = us-east, servers = 2 }\n]\n"
                + "ping.rtt = []\n",
            List.of(),
            "configs/x.conf:3: ping.regions[1].name: duplicate region 'us-east' (also ping.regions[0])"),
        row("servers out of range",
            "ping.regions = [ { name = solo, servers = 0 } ]\nping.rtt = []\n",
            List.of(),
            "configs/x.conf:1: ping.regions[0].servers: must be between 1 and 100000, got 0"),
        row("rtt names an unknown region and misses pairs",
            "ping.regions = [ { name = a, servers = 1 }, { name = b, servers = 1 }, { name = c, servers = 1 } ]\n"
                + "ping.rtt = [\n  { between = [a, b], rtt = 10ms }\n  { between = [b, d], rtt = 10ms }\n]\n",
            List.of(),
            "configs/x.conf:4: ping.rtt[1].between: unknown region 'd'; ping.regions lists a, b, c",
            "configs/x.conf:2: ping.rtt: no round-trip time between a and c",
            "configs/x.conf:2: ping.rtt: no round-trip time between b and c"),
        row("missing rtt pair",
            "ping.rtt = []\n",
            List.of(),
            "configs/x.conf:1: ping.rtt: no round-trip time between us-east and eu-west"),
        row("duplicate rtt pair, in either order",
            "ping.rtt = [\n  { between = [us-east, eu-west], rtt = 75ms }\n  { between = [eu-west, us-east], rtt = 80ms }\n]\n",
            List.of(),
            "configs/x.conf:3: ping.rtt[1].between: duplicate round-trip time between eu-west and us-east"
                + " (also ping.rtt[0])"),
        row("rtt between a region and itself",
            "ping.rtt = [ { between = [us-east, us-east], rtt = 1ms } ]\n",
            List.of(),
            "configs/x.conf:1: ping.rtt[0].between: expected two different regions such as [us-east, eu-west],"
                + " got '[\"us-east\",\"us-east\"]'",
            "configs/x.conf:1: ping.rtt: no round-trip time between us-east and eu-west"),
        row("new regions with the default rtt point at the default",
            "ping.regions = [ { name = ap-south, servers = 2 }, { name = us-east, servers = 2 } ]\n",
            List.of(),
            "configs/x.conf: ping.rtt[0].between: unknown region 'eu-west'; ping.regions lists ap-south, us-east"
                + " (in the default from reference.conf)",
            "configs/x.conf: ping.rtt: no round-trip time between ap-south and us-east"
                + " (in the default from reference.conf)"),
        row("a value from vars of the wrong type is reported where it is used",
            "vars {\n  partitions = many\n}\nengine.partitions = ${vars.partitions}\n",
            List.of(),
            "configs/x.conf:2: engine.partitions: expected an integer, got 'many'"),
        row("unresolved substitution",
            "seed = ${nope}\n",
            List.of(),
            "configs/x.conf:1: Could not resolve substitution to a value: ${nope}"),
        row("environment variables are not substituted, so a scenario means the same everywhere",
            "scenario.description = ${PATH}\n",
            List.of(),
            "configs/x.conf:1: Could not resolve substitution to a value: ${PATH}"),
        row("--set without =",
            "",
            List.of("foo"),
            "--set foo: expected path=value"),
        row("--set problems name the override, not a line",
            "",
            List.of("engine.partiton-by=region", "duration=-1s", "seed={", "a..b=1", "ping={remote-fraction=2}"),
            "--set seed: syntax error: expecting a close parentheses ')' here, not: end of file",
            "--set a..b: invalid key path, expected something like engine.partitions",
            "--set engine.partiton-by: unknown key (did you mean engine.partition-by?)",
            "--set duration: must be > 0, got -1s",
            "--set ping.remote-fraction: must be between 0 and 1, got 2"),
        row("unknown model",
            "model = cassandra\n",
            List.of(),
            "configs/x.conf:1: model: expected one of ping|queue|netping|ring|failure-detector|pbs|store|fleet|relational, got 'cassandra'"),
        row("netping: misspelt key under netping",
            "model = netping\nnetping {\n  interval-maen = 1s\n}\n"
                + "topology.regions = [ { name = r, latitude = 0, longitude = 0, datacenters = [ { name = dc, racks = 1 } ] } ]\n",
            List.of(),
            "configs/x.conf:3: netping.interval-maen: unknown key (did you mean netping.interval-mean?)"),
        row("netping: misspelt key under topology, bad netping values",
            "model = netping\nnetping { message-bytes = 0, remote-fraction = 2 }\n"
                + "topology {\n  regions = [ { name = r, latitude = 0, longitude = 0,\n"
                + "    datacenters = [ { name = dc, racks = 1, link-latncy = 40us } ] } ]\n}\n",
            List.of(),
            "configs/x.conf:5: topology.regions[0].datacenters[0].link-latncy: unknown key (did you mean topology.regions[0].datacenters[0].link-latency?)",
            "configs/x.conf:2: netping.message-bytes: must be between 1 and 1073741824, got 0",
            "configs/x.conf:2: netping.remote-fraction: must be between 0 and 1, got 2"),
        row("netping without a topology",
            "model = netping\n",
            List.of(),
            "configs/x.conf: topology: missing"),
        row("queue knobs out of range, all reported",
            "queue {\n  arrival-rate = 0\n  mean-service-time = 0ms\n  servers = 0\n"
                + "  service-distribution = uniform\n  duration = -1s\n}\n",
            List.of(),
            "configs/x.conf:2: queue.arrival-rate: must be > 0 (arrivals per second), got 0",
            "configs/x.conf:3: queue.mean-service-time: must be > 0, got 0ms",
            "configs/x.conf:4: queue.servers: must be between 1 and 4096, got 0",
            "configs/x.conf:5: queue.service-distribution: expected one of exponential|deterministic, got 'uniform'",
            "configs/x.conf:6: queue.duration: must be > 0, got -1s"),
        row("queue arrival rate not a number, too many cores",
            "queue.arrival-rate = fast\nqueue.servers = 5000\n",
            List.of(),
            "configs/x.conf:1: queue.arrival-rate: expected a number, got 'fast'",
            "configs/x.conf:2: queue.servers: must be between 1 and 4096, got 5000"),
        row("queue arrival rate above one per nanosecond",
            "queue.arrival-rate = 2e9\n",
            List.of(),
            "configs/x.conf:1: queue.arrival-rate: must be between 0 and 1000000000, got 2000000000"),
        row("queue model with a different top-level duration",
            "model = queue\nduration = 5m\nqueue.duration = 1h\n",
            List.of(),
            "configs/x.conf:2: duration: with model = queue the run lasts queue.duration (1h);"
                + " set queue.duration instead, got 5m"),
        row("queue problems from --set",
            "model = queue\n",
            List.of("queue.servers=-2", "queue.mean-service-time=soon"),
            "--set queue.mean-service-time: expected a duration such as 150ms, 10s, 2h or 3d, got 'soon'",
            "--set queue.servers: must be between 1 and 4096, got -2"),
        row("--set with more than one value",
            "",
            List.of("seed=1, duration=2s"),
            "--set seed: expected a single HOCON value, got '1, duration=2s'"),
        row("zero vnodes",
            "ring.vnodes = 0\n",
            List.of(),
            "configs/x.conf:1: ring.vnodes: must be between 1 and 4096, got 0"),
        row("a ring beyond the token limit",
            "",
            List.of("ring.nodes=100000", "ring.vnodes=4096"),
            "--set ring.vnodes: ring.nodes x ring.vnodes must be at most 16777216, got 100000 x 4096"),
        row("negative buffer and a size that is not one",
            "network.buffers {\n  server = -1\n  wan = lots\n}\n",
            List.of(),
            "configs/x.conf:2: network.buffers.server: must be between 0 and 1099511627776, got -1",
            "configs/x.conf:3: network.buffers.wan: expected a size such as 1500B, 6MB or 1GiB, got 'lots'"),
        row("unknown network mode, in the file and on the command line",
            "network.mode = packets\n",
            List.of(),
            "configs/x.conf:1: network.mode: expected one of hops|paths, got 'packets'"),
        row("network mode set to a list",
            "",
            List.of("network.mode=[hops]"),
            "--set network.mode: expected a string, got '[\"hops\"]'"),
        row("background flow without a topology",
            "network.background-flows = [ { from = a, to = b, rate-gbps = 1 } ]\n",
            List.of(),
            "configs/x.conf:1: network.background-flows: needs a topology { ... } block whose servers and links it names"),
        row("background flow naming an unknown server, zero rate, misspelt key",
            TWO_SERVERS + "network.background-flows = [\n  { from = r/dc/rack-1/srv-1, to = r/dc/rack-1/srv-9,\n"
                + "    rate-gbps = 0, strat = 1s }\n]\n",
            List.of(),
            "configs/x.conf:5: network.background-flows[0].strat: unknown key (did you mean network.background-flows[0].start?)",
            "configs/x.conf:4: network.background-flows[0].to: no server 'r/dc/rack-1/srv-9' in the topology "
                + "(a server's path is region/datacenter/rack/server, e.g. r/dc/rack-1/srv-1)",
            "configs/x.conf:5: network.background-flows[0].rate-gbps: must be > 0, got 0"),
        row("background flow from a server to itself",
            TWO_SERVERS + "network.background-flows = [ { from = r/dc/rack-1/srv-1, to = r/dc/rack-1/srv-1, rate-gbps = 1 } ]\n",
            List.of(),
            "configs/x.conf:3: network.background-flows[0].to: a flow joins two different servers, got r/dc/rack-1/srv-1 twice"),
        row("cut naming an unknown element, and one with both isolate and between",
            TWO_SERVERS + "network.cuts = [\n  { isolate = r/dc/rack-7 }\n  { isolate = r, between = [r, r/dc] }\n]\n",
            List.of(),
            "configs/x.conf:4: network.cuts[0].isolate: no element 'r/dc/rack-7' in the topology (a region, "
                + "region/datacenter, region/datacenter/rack or a server's path, e.g. r/dc/rack-1)",
            "configs/x.conf:5: network.cuts[1]: give exactly one of isolate = <element> and between = [<element>, <element>]"),
        row("cut between overlapping elements and a negative start",
            TWO_SERVERS + "network.cuts = [ { start = -1s, between = [r, r/dc] } ]\n",
            List.of(),
            "configs/x.conf:3: network.cuts[0].start: must be >= 0, got -1s",
            "configs/x.conf:3: network.cuts[0].between: 'r' and 'r/dc' overlap; name two separate elements"),
        row("store: zero vnodes",
            STORE + "store.vnodes = 0\n",
            List.of(),
            "configs/x.conf:3: store.vnodes: must be between 1 and 4096, got 0"),
        row("store: a region's replication factor above its servers",
            STORE + "store.replication-by-region = [ { region = r, factor = 3 } ]\n",
            List.of(),
            "configs/x.conf:3: store.replication-by-region[0].factor: must be at most the 2 servers of region r, got 3"),
        row("store: SimpleStrategy's replication factor above the servers",
            STORE + "store.replication-factor = 5\n",
            List.of(),
            "configs/x.conf:3: store.replication-factor: must be at most the 2 servers of the topology, got 5"),
        row("store: an unknown region under NetworkTopologyStrategy",
            STORE + "store.replication-by-region = [\n  { region = mars, factor = 1 }\n]\n",
            List.of(),
            "configs/x.conf:4: store.replication-by-region[0].region: unknown region 'mars'; the topology's regions are r"),
        row("store: a misspelt key in a replication-by-region element",
            STORE + "store.replication-by-region = [\n  { region = r, factr = 1 }\n]\n",
            List.of(),
            "configs/x.conf:4: store.replication-by-region[0].factr: unknown key (did you mean store.replication-by-region[0].factor?)",
            "configs/x.conf:4: store.replication-by-region[0].factor: missing"),
        row("store clients: a negative rate",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = -5 } ]\n",
            List.of(),
            "configs/x.conf:4: store.clients.populations[0].rate: must be between 0 and 1000000000, got -5"),
        row("store clients: an unknown key distribution",
            STORE + "store.replication-factor = 1\nstore.workload.key-distribution = pareto\n"
                + "store.clients.populations = [ { region = r, rate = 5 } ]\n",
            List.of(),
            "configs/x.conf:4: store.workload.key-distribution: expected one of uniform|zipfian|latest|hotspot, got 'pareto'"),
        row("store clients: an unknown routing and region",
            STORE + "store.replication-factor = 1\nstore.clients {\n  routing = random\n"
                + "  populations = [ { region = mars, rate = 5 } ]\n}\n",
            List.of(),
            "configs/x.conf:5: store.clients.routing: expected one of token-aware|round-robin, got 'random'",
            "configs/x.conf:6: store.clients.populations[0].region: unknown region 'mars'"),
        row("store clients: a rate and a closed loop at once",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5, clients = 3 } ]\n",
            List.of(),
            "configs/x.conf:4: store.clients.populations[0]: give exactly one of rate (requests per second in the region), "
                + "rate-per-server or clients (a closed loop with think-time), got 2"),
        row("store: more preloaded keys than keys",
            STORE + "store.replication-factor = 1\nstore.workload {\n  keys = 100\n  preloaded-keys = 101\n}\n",
            List.of(),
            "configs/x.conf:6: store.workload.preloaded-keys: must be between 0 and 100, got 101"),
        row("store: an unknown YCSB preset",
            STORE + "store.replication-factor = 1\nstore.workload.preset = ycsb-z\n",
            List.of(),
            "configs/x.conf:4: store.workload.preset: expected one of none|ycsb-a|ycsb-b|ycsb-c|ycsb-d|ycsb-e|ycsb-f, got 'ycsb-z'"),
        row("store: a YCSB preset without client populations",
            STORE + "store.replication-factor = 1\nstore.workload.preset = ycsb-a\n",
            List.of(),
            "configs/x.conf:4: store.workload.preset: 'ycsb-a' applies to store.clients.populations; the per-server "
                + "stream (none listed) reads and updates uniform keys"),
        row("store app tier: an unknown balancing",
            STORE + "store.replication-factor = 1\nstore.app {\n  servers-per-region = 2\n  balancing = random\n}\n",
            List.of(),
            "configs/x.conf:6: store.app.balancing: expected one of round-robin|least-outstanding, got 'random'"),
        row("store app tier: a database in two regions, partitioned by data center",
            TWO_REGIONS + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app {\n  servers-per-region = 1\n  database-calls = 1\n}\n"
                + "engine.partition-by = datacenter\n",
            List.of(),
            "configs/x.conf:9: store.app.database-calls: the app tier's database needs a topology of one region, got 2",
            "configs/x.conf:11: engine.partition-by: the app tier's database is in its app servers' unit: use none or "
                + "region, got datacenter"),
        row("store app tier: a crash of the database's unknown primary",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app {\n  servers-per-region = 1\n  database-calls = 1\n}\n"
                + "relational.crashes = [ { at = 1s, primary = db-9 } ]\n",
            List.of(),
            "configs/x.conf:9: relational.crashes[0].primary: unknown primary 'db-9'"),
        row("store app tier: a database call with a replica of an unknown primary",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app {\n  servers-per-region = 1\n  database-calls = 1\n}\n"
                + "relational.replicas = [ { name = db-1-r1, of = db-9 } ]\n",
            List.of(),
            "configs/x.conf:9: relational.replicas[0].of: unknown primary 'db-9' (expected one of db-1)"),
        row("store app tier: no clients to send it requests",
            STORE + "store.replication-factor = 1\nstore.app.servers-per-region = 2\n",
            List.of(),
            "configs/x.conf:4: store.app.servers-per-region: an app tier needs store.clients.populations to send it requests"),
        row("store cache tier: a cache larger than its server's memory",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app.servers-per-region = 1\nstore.cache {\n  servers-per-region = 1\n  memory = 65GiB\n}\n",
            List.of(),
            "configs/x.conf:8: store.cache.memory: a cache server of 69793218560 bytes does not fit in the 64 GiB of memory "
                + "of its server r/dc/rack-1/srv-1 (region r's first server hosts its cache servers)"),
        row("store cache tier: no app tier to use it",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.cache.servers-per-region = 2\n",
            List.of(),
            "configs/x.conf:5: store.cache.servers-per-region: a cache tier needs an app tier (store.app.servers-per-region >= 1) to use it"),
        row("store cache tier: a crash of an unknown region and of a server beyond the tier",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app.servers-per-region = 1\nstore.cache {\n  servers-per-region = 2\n"
                + "  crashes = [ { at = 1s, region = mars, server = 1 }\n    { at = 1s, region = r, server = 3 } ]\n}\n",
            List.of(),
            "configs/x.conf:8: store.cache.crashes[0].region: unknown region 'mars'",
            "configs/x.conf:9: store.cache.crashes[1].server: must be between 1 and 2, got 3"),
        row("store object store: a negative price",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.object-store {\n  calls-per-request = 1\n  price.get-per-10000 = -1\n}\n",
            List.of(),
            "configs/x.conf:7: store.object-store.price.get-per-10000: must be between 0 and 1000000, got -1"),
        row("store object store: no app tier to call it",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.object-store.calls-per-request = 1\n",
            List.of(),
            "configs/x.conf:5: store.object-store.calls-per-request: an object store needs an app tier "
                + "(store.app.servers-per-region >= 1) to call it"),
        row("relational: a replica of an unknown primary",
            "model = relational\nrelational.replicas = [ { name = r1, of = db-9 } ]\n",
            List.of(),
            "configs/x.conf:2: relational.replicas[0].of: unknown primary 'db-9' (expected one of db-1)"),
        row("relational: a shard map with a gap",
            "model = relational\nrelational {\n  primaries = [ a, b ]\n  hash-slots = 8\n"
                + "  shard-map = [ { primary = a, from = 0, to = 2 }, { primary = b, from = 4, to = 7 } ]\n}\n",
            List.of(),
            "configs/x.conf:5: relational.shard-map: slot 3 belongs to no shard (a gap in the shard map)"),
        row("relational: overlapping shards and a crash of an unknown primary",
            "model = relational\nrelational {\n  primaries = [ a, b ]\n  hash-slots = 8\n"
                + "  shard-map = [ { primary = a, from = 0, to = 4 }, { primary = b, from = 4, to = 7 } ]\n"
                + "  crashes = [ { at = 1s, primary = c } ]\n}\n",
            List.of(),
            "configs/x.conf:5: relational.shard-map: slot 4 is given twice",
            "configs/x.conf:6: relational.crashes[0].primary: unknown primary 'c'"),
        row("store: a consistency level the replication factor cannot satisfy",
            STORE + "store {\n  replication-factor = 1\n  write-consistency = TWO\n}\n",
            List.of(),
            "configs/x.conf:5: store.write-consistency: TWO needs 2 replicas, but SimpleStrategy[rf=1] keeps 1 "
                + "(every server coordinates, so every region must be able to)"),
        row("store: LOCAL_QUORUM from a region that keeps no copy",
            TWO_REGIONS + "store {\n  replication-by-region = [ { region = r, factor = 1 } ]\n  read-consistency = LOCAL_QUORUM\n}\n",
            List.of(),
            "configs/x.conf:7: store.read-consistency: LOCAL_QUORUM needs 1 replica(s) in region s, but "
                + "NetworkTopologyStrategy[rfByRegion={r=1}] keeps 0 there (every server coordinates, so every region must be able to)"),
        row("store: ANY is for writes only, unknown level",
            STORE + "store {\n  read-consistency = ANY\n  write-consistency = MOST\n}\n",
            List.of(),
            "configs/x.conf:5: store.write-consistency: expected one of ONE|TWO|THREE|QUORUM|LOCAL_ONE|LOCAL_QUORUM|EACH_QUORUM|ALL|ANY, got 'MOST'",
            "configs/x.conf:4: store.read-consistency: expected one of ONE|TWO|THREE|QUORUM|LOCAL_ONE|LOCAL_QUORUM|EACH_QUORUM|ALL, got 'ANY'"),
        row("store: repair's tree too deep, a bad start time, no stream throughput",
            STORE + "store.repair {\n  merkle-depth = 21\n  schedule = [ 60s, soon, -1s ]\n  stream-throughput-mbps = 0\n}\n",
            List.of(),
            "configs/x.conf:5: store.repair.schedule[1]: expected a duration such as 150ms, 10s, 2h or 3d, got 'soon'",
            "configs/x.conf:5: store.repair.schedule[2]: must be >= 0, got -1s",
            "configs/x.conf:4: store.repair.merkle-depth: must be between 0 and 20, got 21",
            "configs/x.conf:6: store.repair.stream-throughput-mbps: must be > 0, got 0"),
        row("store: a repair schedule that is not a list, a misspelt repair key",
            STORE + "store.repair {\n  schedule = 60s\n  evry = 5m\n}\n",
            List.of(),
            "configs/x.conf:5: store.repair.evry: unknown key (did you mean store.repair.every?)",
            "configs/x.conf:4: store.repair.schedule: expected a list of durations such as [60s, 2m], got '60s'"),
        row("store: a clock offset for a server the topology lacks",
            STORE + "store.clocks.offsets = [ { server = r/dc/rack-1/srv-9, offset = 1s } ]\n",
            List.of(),
            "configs/x.conf:3: store.clocks.offsets[0].server: no server 'r/dc/rack-1/srv-9' in the topology (a "
                + "server's path is region/datacenter/rack/server, e.g. r/dc/rack-1/srv-1)"),
        row("store: a read-repair chance above 1, a negative skew, an offset that is no duration",
            STORE + "store {\n  read-repair-chance = 2\n  clocks.skew-stddev = -1ms\n"
                + "  clocks.offsets = [ { server = r/dc/rack-1/srv-1, offset = soon } ]\n}\n",
            List.of(),
            "configs/x.conf:5: store.clocks.skew-stddev: must be >= 0, got -1ms",
            "configs/x.conf:6: store.clocks.offsets[0].offset: expected a duration such as 150ms, 10s, 2h or 3d, "
                + "or a negative one such as -1s, got 'soon'",
            "configs/x.conf:4: store.read-repair-chance: must be between 0 and 1, got 2"),
        row("store: a ring change of an unknown kind, one of an unknown server",
            TWO_REGIONS + "store.membership.changes = [\n  { at = 1s, kind = join, server = r/dc/rack-1/srv-1 }\n"
                + "  { at = 2s, kind = decommission, server = r/dc/rack-1/srv-9 }\n]\n",
            List.of(),
            "configs/x.conf:6: store.membership.changes[0].kind: expected bootstrap or decommission, got 'join'",
            "configs/x.conf:7: store.membership.changes[1].server: no server 'r/dc/rack-1/srv-9' in the topology (a "
                + "server's path is region/datacenter/rack/server, e.g. r/dc/rack-1/srv-1)"),
        row("store: ring changes that leave too few servers, a server that changes twice",
            TWO_REGIONS + "store.membership.changes = [\n  { at = 1s, kind = decommission, server = r/dc/rack-1/srv-1 }\n"
                + "  { at = 2s, kind = decommission, server = s/dc2/rack-1/srv-1 }\n]\n",
            List.of(),
            "configs/x.conf:7: store.membership.changes[1]: after this decommission of s/dc2/rack-1/srv-1 the ring "
                + "has 2 servers, fewer than the replication factor 3"),
        row("store: a server that changes twice, a negative ring delay",
            TWO_REGIONS + "store.membership {\n  ring-delay = -1s\n  changes = [\n"
                + "    { at = 1s, kind = decommission, server = r/dc/rack-1/srv-1 }\n"
                + "    { at = 2s, kind = bootstrap, server = r/dc/rack-1/srv-1 }\n  ]\n}\n",
            List.of(),
            "configs/x.conf:6: store.membership.ring-delay: must be >= 0, got -1s",
            "configs/x.conf:9: store.membership.changes[1].server: server 'r/dc/rack-1/srv-1' changes twice; a server "
                + "joins or leaves at most once in a run"),
        row("faults: an unknown kind",
            TWO_REGIONS + "faults = [ { at = 1s, kind = meteor } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].kind: expected one of server-crash|server-restart|server-terminate|disk-failure|rack-power|"
                + "region-outage|region-partition|partition|switch-failure|link-cut|link-degradation|slow-disk|clock-jump|gray-failure|storm|random, "
                + "got 'meteor'"),
        row("faults: partitions with an empty side, overlapping sides, an unknown element, three sides, one side",
            TWO_REGIONS + "faults = [ { at = 1s, kind = partition, sides = [[r/dc/rack-1], []] }\n"
                + "  { at = 1s, kind = partition, sides = [[r], [s, r/dc/rack-1]] }\n"
                + "  { at = 1s, kind = partition, sides = [[r/dc/rack-9], [s]], duration = 5s }\n"
                + "  { at = 1s, kind = partition, sides = [[r], [s], [r/dc]] }\n"
                + "  { at = 1s, kind = partition, sides = [[r, s]] } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].sides[1]: expected a non-empty list of regions, data centers, racks or servers, "
                + "such as [r/dc/rack-1], got '[]'",
            "configs/x.conf:6: faults[1].sides[1][1]: 'r/dc/rack-1' overlaps 'r' of faults[1].sides[0]; the two sides "
                + "must share no server",
            "configs/x.conf:7: faults[2].sides[0][0]: no region, data center, rack or server 'r/dc/rack-9' in the "
                + "topology (e.g. r/dc/rack-1)",
            "configs/x.conf:8: faults[3].sides: expected two sides, each a list of regions, data centers, racks or "
                + "servers, such as [[us-east/use1-a/rack-1, us-east/use1-a/rack-2], [us-east/use1-a/rack-3]], got "
                + "'[[\"r\"],[\"s\"],[\"r/dc\"]]'",
            "configs/x.conf:9: faults[4].sides: expected two sides, each a list of regions, data centers, racks or "
                + "servers, such as [[us-east/use1-a/rack-1, us-east/use1-a/rack-2], [us-east/use1-a/rack-3]], got "
                + "'[[\"r\",\"s\"]]'"),
        row("faults: a crash of an unknown server for a negative time",
            TWO_REGIONS + "faults = [ { at = 1s, kind = server-crash, target = r/dc/rack-1/srv-9, duration = -5s } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].duration: must be > 0, got -5s",
            "configs/x.conf:5: faults[0].target: no server 'r/dc/rack-1/srv-9' in the topology (expected a server's path, "
                + "region/datacenter/rack/server, e.g. r/dc/rack-1/srv-1)"),
        row("faults: a partition after the end of the run, of one region with itself",
            TWO_REGIONS + "duration = 10s\nfaults = [ { at = 20s, kind = region-partition, between = [r, r] } ]\n",
            List.of(),
            "configs/x.conf:6: faults[0].at: must be before the end of the run (duration = 10.0 s), got 20s",
            "configs/x.conf:6: faults[0].between: names 'r' twice; name two different elements"),
        row("faults: a power loss of an unknown rack, a switch failure of a rack, a storm from nowhere",
            TWO_REGIONS + "faults = [ { at = 1s, kind = rack-power, target = r/dc/rack-9 }\n"
                + "  { at = 1s, kind = switch-failure, target = r/dc/rack-1 }\n"
                + "  { at = 1s, kind = storm, between = [r/dc/rack-1/tor, mars], rate-gbps = 40 } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].target: no rack 'r/dc/rack-9' in the topology (expected a rack's path, "
                + "region/datacenter/rack, e.g. r/dc/rack-1)",
            "configs/x.conf:6: faults[1].target: no switch 'r/dc/rack-1' in the topology (expected a switch's path, "
                + "e.g. r/dc/rack-1/tor, r/dc/agg-1 or r/wan)",
            "configs/x.conf:7: faults[2].between[1]: no server or top-of-rack switch 'mars' in the topology (a storm "
                + "runs between two, e.g. r/dc/rack-1/srv-1 or r/dc/rack-1/tor)"),
        row("injected-faults: an unknown phase, a slow disk below 1, out of time order",
            TWO_REGIONS + "injected-faults = [ { at = 5s, kind = server-crash, target = r/dc/rack-1/srv-1, phase = later }\n"
                + "  { at = 6s, kind = slow-disk, target = r/dc/rack-1/srv-2, factor = 0.5 }\n"
                + "  { at = 1s, kind = region-partition, between = [r, s] } ]\n",
            List.of(),
            "configs/x.conf:5: injected-faults[0].phase: expected start|end, got 'later'",
            "configs/x.conf:6: injected-faults[1].factor: must be between 1 and 1000000, got 0.5",
            "configs/x.conf:7: injected-faults[2].at: must not be before the one before it: injections are in time order"),
        row("faults: link degradations with a loss over 1, a negative latency, an unknown element, both bandwidths",
            TWO_REGIONS + "faults = [ { at = 1s, kind = link-degradation, between = [r, s], loss = 1.5 }\n"
                + "  { at = 1s, kind = link-degradation, between = [r/dc/rack-1/srv-1, r/dc/rack-1/tor], latency = -2ms }\n"
                + "  { at = 1s, kind = link-degradation, between = [r/wan, mars], latency = 2ms }\n"
                + "  { at = 1s, kind = link-degradation, between = [r/dc/rack-1/srv-2, r/dc/rack-1/tor], "
                + "bandwidth-factor = 0.5, bandwidth-gbps = 1 } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].loss: must be between 0 and 1, got 1.5",
            "configs/x.conf:6: faults[1].latency: must be >= 0, got -2ms",
            "configs/x.conf:7: faults[2].between[1]: no element 'mars' in the topology (a switch, server, rack, data center"
                + " or region path, e.g. r/dc/rack-1/tor)",
            "configs/x.conf:8: faults[3].bandwidth-gbps: give bandwidth-factor or bandwidth-gbps, not both"),
        row("faults: a link degradation that changes nothing, two that overlap on the WAN link",
            TWO_REGIONS + "faults = [ { at = 1s, kind = link-degradation, between = [r, s] }\n"
                + "  { at = 1s, kind = link-degradation, between = [r, s], loss = 0.1, duration = 10s }\n"
                + "  { at = 5s, kind = link-degradation, between = [r/wan, s/wan], latency = 5ms } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].latency: missing: a link-degradation needs at least one of latency, loss, "
                + "bandwidth-factor, bandwidth-gbps, e.g. latency = 20ms",
            "configs/x.conf:7: faults[2].at: overlaps faults[1] (link-degradation r|s from 1.0 s to 11.0 s) on the same "
                + "target; make them follow each other or merge them"),
        row("faults: random failures of an unknown element, a negative mttr",
            TWO_REGIONS + "faults = [ { kind = random, element = pdu, mtbf = 30d, mttr = -1h } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].element: expected one of server|disk|rack|tor-switch, got 'pdu'",
            "configs/x.conf:5: faults[0].mttr: must be > 0, got -1h"),
        row("faults: overlapping crash and restart of one server, a slow disk below 1, a clock jump with a duration",
            TWO_REGIONS + "faults = [ { at = 1s, kind = server-crash, target = r/dc/rack-1/srv-1, duration = 10s }\n"
                + "  { at = 5s, kind = server-restart, target = r/dc/rack-1/srv-1, duration = 10s }\n"
                + "  { at = 1s, kind = slow-disk, target = r/dc/rack-1/srv-2, factor = 0.5 }\n"
                + "  { at = 1s, kind = clock-jump, target = r/dc/rack-1/srv-2, by = -2s, duration = 1s } ]\n",
            List.of(),
            "configs/x.conf:6: faults[1].at: overlaps faults[0] (server-crash r/dc/rack-1/srv-1 from 1.0 s to 11.0 s) "
                + "on the same target; make them follow each other or merge them",
            "configs/x.conf:7: faults[2].factor: must be between 1 and 1000000, got 0.5",
            "configs/x.conf:8: faults[3].duration: unknown key (expected one of at, by, kind, target)"),
        row("faults: a partition of an unknown region, a misspelt key",
            TWO_REGIONS + "faults = [ { at = 1s, kind = region-partition, between = [r, mars], duraton = 1s } ]\n",
            List.of(),
            "configs/x.conf:5: faults[0].duraton: unknown key (did you mean faults[0].duration?)",
            "configs/x.conf:5: faults[0].between[1]: no region 'mars' in the topology (regions: r, s)"),
        row("faults: a server crash in a model whose servers cannot crash",
            TWO_SERVERS + "faults = [ { at = 1s, kind = server-crash, target = r/dc/rack-1/srv-1 } ]\n",
            List.of(),
            "configs/x.conf:3: faults[0].kind: server-crash needs model = store (the servers of other models cannot crash); "
                + "use region-partition, or network.cuts with isolate = <server>"),
        row("store: a speculative retry that is neither none, a percentile nor a duration",
            STORE + "store.speculative-retry = 100p\n",
            List.of(),
            "configs/x.conf:3: store.speculative-retry: expected none, a percentile such as 99p (above 0, below 100) "
                + "or a duration such as 50ms, got '100p'"),
        row("store: a phi threshold of 0 and a gossip interval of 0",
            STORE + "store.failure-detector.phi-threshold = 0\nstore.gossip.interval = 0s\n",
            List.of(),
            "configs/x.conf:4: store.gossip.interval: must be > 0, got 0s",
            "configs/x.conf:3: store.failure-detector.phi-threshold: must be > 0, got 0"),
        row("store: a failure detector class that does not exist",
            STORE + "store.failure-detector.class = detectors.Nope\n",
            List.of(),
            "configs/x.conf:3: store.failure-detector.class: no class detectors.Nope on the class path"),
        row("fd: a detector class that is not a FailureDetector",
            STORE.replace("model = store", "model = failure-detector") + "fd.detector-class = java.lang.String\n",
            List.of(),
            "configs/x.conf:3: fd.detector-class: java.lang.String is not a public, concrete class implementing "
                + "geosim.store.gossip.FailureDetector"),
        row("fd: a detector class without the constructor taking GossipSettings",
            STORE.replace("model = store", "model = failure-detector") + "fd.detector-class = geosim.store.gossip.PhiAccrualDetector\n",
            List.of(),
            "configs/x.conf:3: fd.detector-class: geosim.store.gossip.PhiAccrualDetector has no public constructor "
                + "PhiAccrualDetector(GossipSettings)"),
        row("fleet: a negative rate in a load shape",
            FLEET + "shape = [ { kind = constant, factor = -2 } ] } ]\n",
            List.of(),
            "configs/x.conf:3: fleet.regions[0].shape[0].factor: must be between 0 and 1000000, got -2"),
        row("store: a load-balancing policy class that does not exist",
            STORE + "store.replication-factor = 1\nstore.app {\n  servers-per-region = 2\n  balancer-class = balancers.Nope\n}\n",
            List.of(),
            "configs/x.conf:6: store.app.balancer-class: no class balancers.Nope on the class path"),
        row("store: a placement class that is not a PlacementStrategy",
            STORE + "store.placement-class = java.lang.String\n",
            List.of(),
            "configs/x.conf:3: store.placement-class: java.lang.String is not a public, concrete class implementing "
                + "geosim.store.ring.PlacementStrategy"),
        row("explore: a fault space kind that is not drawn, a target not in the topology, durations out of order",
            TWO_REGIONS + "explore.fault-space {\n  kinds = [server-crash, storm]\n  targets = [t]\n"
                + "  duration = [5m, 30s]\n}\n",
            List.of(),
            "configs/x.conf:6: explore.fault-space.kinds[1]: expected one of server-crash|rack-power|region-outage|"
                + "region-partition|switch-failure|gray-failure, got 'storm'",
            "configs/x.conf:8: explore.fault-space.duration[1]: the longest must not be shorter than the shortest, 5m, got 30s"),
        row("explore: a target outside the topology",
            TWO_REGIONS + "explore.fault-space {\n  kinds = [rack-power]\n  targets = [r/dc/rack-9]\n}\n",
            List.of(),
            "configs/x.conf:7: explore.fault-space.targets[0]: 'r/dc/rack-9' is no region, data center, rack, switch or "
                + "server of the topology"),
        row("explore: drawing faults without a fault space",
            TWO_REGIONS,
            List.of("explore.draw-faults=true"),
            "--set explore.draw-faults: true needs a fault space, but explore.fault-space.kinds is empty: name at least "
                + "one of server-crash|rack-power|region-outage|region-partition|switch-failure|gray-failure"),
        row("fleet: an autoscaling policy class without a no-argument constructor",
            FLEET + "shape = [ { kind = constant, factor = 1 } ] } ]\nfleet.autoscaler.class = geosim.elastic.TargetTracking\n",
            List.of(),
            "configs/x.conf:4: fleet.autoscaler.class: geosim.elastic.TargetTracking has no public constructor TargetTracking()"),
        row("fleet: autoscaler min above max",
            FLEET + "shape = [] } ]\nfleet.autoscaler {\n  min = 20\n  max = 10\n}\n",
            List.of(),
            "configs/x.conf:5: fleet.autoscaler.min: must be at most fleet.autoscaler.max = 10, got 20"),
        row("store autoscaler: min above max, a negative provisioning delay, an unknown policy",
            STORE + "store.replication-factor = 1\nstore.clients.populations = [ { region = r, rate = 5 } ]\n"
                + "store.app.servers-per-region = 2\nstore.autoscaler {\n  roles = [app]\n  app {\n    min = 5\n"
                + "    max = 2\n    provisioning-delay = -1m\n    policy = predictive\n  }\n}\n",
            List.of(),
            "configs/x.conf:12: store.autoscaler.app.policy: expected one of none|target-tracking|step, got 'predictive'",
            "configs/x.conf:11: store.autoscaler.app.provisioning-delay: must be >= 0, got -1m",
            "configs/x.conf:9: store.autoscaler.app.min: must be at most store.autoscaler.app.max = 2, got 5"),
        row("store autoscaler: an unknown role",
            STORE + "store.replication-factor = 1\nstore.autoscaler.roles = [app, database]\n",
            List.of(),
            "configs/x.conf:4: store.autoscaler.roles[1]: expected one of app|store, got 'database'"),
        row("store autoscaler: the app role without an app tier",
            STORE + "store.replication-factor = 1\nstore.autoscaler.roles = [app]\n",
            List.of(),
            "configs/x.conf:4: store.autoscaler.roles: role app needs an app tier (store.app.servers-per-region >= 1 "
                + "and store.clients.populations)"),
        row("store autoscaler: the store role with max unlike the region's servers",
            TWO_REGIONS + "store.replication-by-region = [ { region = r, factor = 2 }, { region = s, factor = 2 } ]\n"
                + "store.autoscaler {\n  roles = [store]\n  store {\n    min = 2\n    max = 3\n  }\n}\n",
            List.of(),
            "configs/x.conf:10: store.autoscaler.store.max: must equal the store servers of every region (r has 2), got 3"),
        row("store autoscaler: the store role below the replication factor",
            TWO_REGIONS + "store.replication-by-region = [ { region = r, factor = 2 }, { region = s, factor = 2 } ]\n"
                + "store.autoscaler {\n  roles = [store]\n  store {\n    min = 1\n    max = 2\n  }\n}\n",
            List.of(),
            "configs/x.conf:9: store.autoscaler.store.min: must be at least the replication factor of r = 2 (the ring must "
                + "hold every copy), got 1"),
        row("store autoscaler: the store role with SimpleStrategy",
            STORE + "store.replication-factor = 1\nstore.autoscaler.roles = [store]\n",
            List.of(),
            "configs/x.conf:4: store.autoscaler.roles: role store needs store.replication-by-region (NetworkTopologyStrategy)"),
        row("fleet: unknown cost mode and unknown autoscaling policy",
            FLEET + "shape = [] } ]\ncost.mode = leased\nfleet.autoscaler.policy = predictive\n",
            List.of(),
            "configs/x.conf:4: cost.mode: expected one of cloud|owned, got 'leased'",
            "configs/x.conf:5: fleet.autoscaler.policy: expected one of none|target-tracking|step, got 'predictive'"),
        row("cost: a disk idling above its active power, and a negative disk price",
            FLEET + "shape = [] } ]\ncost.disk.hdd {\n  idle-watts = 20\n  active-watts = 12\n}\ncost.disk.ssd.usd = -470\n",
            List.of(),
            "configs/x.conf:5: cost.disk.hdd.idle-watts: must be at most cost.disk.hdd.active-watts = 12.0, got 20.0",
            "configs/x.conf:8: cost.disk.ssd.usd: must be between 0 and 10000000, got -470"),
        row("fleet: a role spawned by an unknown role, and two roles of one name",
            FLEET + "shape = [] } ]\nfleet.roles = [\n  { name = web }\n  { name = render, kind = job, spawned-by = webb }\n"
                + "  { name = web }\n]\n",
            List.of(),
            "configs/x.conf:6: fleet.roles[1].spawned-by: unknown role 'webb': expected a role listed before this one, one of web",
            "configs/x.conf:7: fleet.roles[2].name: duplicate role 'web' (also fleet.roles[0])"),
        row("fleet: a role with a negative service time, and a role's autoscaler with min above max",
            FLEET + "shape = [] } ]\nfleet.roles = [\n  { name = web, service-time = -5ms }\n"
                + "  { name = render, kind = job, autoscaler { min = 20, max = 10 } }\n]\n",
            List.of(),
            "configs/x.conf:5: fleet.roles[0].service-time: must be > 0, got -5ms",
            "configs/x.conf:6: fleet.roles[1].autoscaler.min: must be at most fleet.roles[1].autoscaler.max = 10, got 20"),
        row("fleet: keys that do not fit a role's kind, an unknown kind, an unknown autoscaler key",
            FLEET + "shape = [] } ]\nfleet.roles = [\n  { name = render, kind = job, timeout = 30s, latency-target = 1s }\n"
                + "  { name = batch, kind = batch }\n  { name = web, probability = 0.5, autoscaler { mni = 3 } }\n]\n",
            List.of(),
            "configs/x.conf:5: fleet.roles[0].timeout: a job waits until it is served; timeout is for kind = request",
            "configs/x.conf:5: fleet.roles[0].latency-target: a job is measured by its queue wait: use wait-target",
            "configs/x.conf:6: fleet.roles[1].kind: expected one of request|job, got 'batch'",
            "configs/x.conf:7: fleet.roles[2].probability: a probability needs spawned-by, the role whose requests spawn this one's",
            "configs/x.conf:7: fleet.roles[2].autoscaler.mni: unknown key (did you mean fleet.roles[2].autoscaler.min?)"),
        row("fleet: no regions",
            "model = fleet\n",
            List.of(),
            "configs/x.conf: fleet.regions: model = fleet needs at least one region, such as "
                + "[{ name = us-east, rate = 300, servers = 50, utc-offset = -5, shape = [] }] (in the default from reference.conf)"),
        row("cut between two racks that no cable joins",
            TWO_RACKS + "network.cuts = [ { between = [r/dc/rack-1, r/dc/rack-2] } ]\n",
            List.of(),
            "configs/x.conf:3: network.cuts[0].between: cuts no link: no cable joins r/dc/rack-1 and r/dc/rack-2 "
                + "directly (regions are joined by their WAN routers; to cut a data center or rack off, isolate it)"));
  }

  private static final String TWO_SERVERS = "model = netping\ntopology.regions = [ { name = r, latitude = 0, longitude = 0, "
      + "datacenters = [ { name = dc, racks = [ { name = rack-1, servers = 2 } ] } ] } ]\n";
  private static final String STORE = TWO_SERVERS.replace("model = netping", "model = store");
  private static final String TWO_REGIONS = "model = store\ntopology.regions = [ { name = r, latitude = 0, longitude = 0, "
      + "datacenters = [ { name = dc, racks = [ { name = rack-1, servers = 2 } ] } ] },\n"
      + "  { name = s, latitude = 1, longitude = 1, datacenters = [ { name = dc2, racks = [ { name = rack-1, servers = 2 } ] } ] } ]\n"
      + "topology.rtt = [ { between = [r, s], rtt = 10ms } ]\n";
  private static final String TWO_RACKS = TWO_SERVERS.replace(
      "racks = [ { name = rack-1, servers = 2 } ]", "racks = [ { name = rack-1, servers = 2 }, { name = rack-2, servers = 2 } ]");

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void reportsExactProblemLines(String why, String text, List<String> overrides, List<String> expected) {
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> ScenarioLoader.parse(FILE, text, overrides));
    assertEquals(expected, e.problems(), why);
    assertEquals(String.join("\n", expected), e.getMessage());
  }

  @Test
  void missingFileIsReportedByItsGivenPath() {
    ScenarioConfigException e = assertThrows(ScenarioConfigException.class,
        () -> ScenarioLoader.load(Path.of("configs/nope.conf"), List.of()));
    assertEquals(List.of("configs/nope.conf: file not found"), e.problems());
  }

  @Test
  void directoryIsNotAScenarioFile(@TempDir Path dir) {
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> ScenarioLoader.load(dir, List.of()));
    assertEquals(List.of(dir + ": is a directory, expected a scenario file (.conf)"), e.problems());
  }

  @Test
  void fileProblemsNameTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("typo.conf");
    Files.writeString(file, "seed = 7\nengine {\n  partitions = 0\n}\nduraton = 5m\n");
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> ScenarioLoader.load(file, List.of()));
    assertEquals(List.of(
        file + ":5: duraton: unknown key (did you mean duration?)",
        file + ":3: engine.partitions: must be between 1 and 256, got 0"), e.problems());
  }

  @Test
  void syntaxErrorInAFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.conf");
    Files.writeString(file, "seed = 1\n\nping {\n  regions = [\n");
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> ScenarioLoader.load(file, List.of()));
    assertEquals(List.of(file + ":5: syntax error: List should have ] or a first element after the open [,"
        + " instead had token: end of file"), e.problems());
  }

  @Test
  void anUnsortedTraceOfAClientPopulationNamesTheCsvFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("load.csv"), "time,rate\n0,1\n60,2\n30,3\n");
    Path file = dir.resolve("trace.conf");
    Files.writeString(file, STORE + "store.replication-factor = 1\n"
        + "store.clients.populations = [ { region = r, rate = 5, shape = [ { kind = trace, file = load.csv } ] } ]\n");
    ScenarioConfigException e =
        assertThrows(ScenarioConfigException.class, () -> ScenarioLoader.load(file, List.of()));
    assertEquals(List.of(file + ":4: store.clients.populations[0].shape[0].file: load.csv:4: times must increase: "
        + "30 s comes after 60 s"), e.problems());
  }

  private static Arguments row(String why, String text, List<String> overrides, String... expected) {
    return Arguments.of(why, text, overrides, List.of(expected));
  }
}
