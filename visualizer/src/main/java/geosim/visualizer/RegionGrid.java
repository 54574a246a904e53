package geosim.visualizer;

import geosim.faults.FaultPlan;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The drill-down of one region: its data centers, each a row of racks, each rack a grid of its
 * servers. A server square that is up is coloured by the server's own CPU utilization over the
 * frame's interval when the run records it per server (live runs of the store model: {@link
 * geosim.scenario.Simulation#recordPerElement}), else by its region's mean (run folders, other
 * models report CPU per region only); the heading gives the region's mean, p99 and max. In live
 * runs on the data-center network each data center's core and aggregation switches and each
 * rack's ToR switch are drawn beside its name, coloured by the busiest of their links ({@link
 * SwitchLoads}). A server that a fault has down at the frame's time (scheduled, or
 * injected from the right-click menu, {@link FaultMenu}) is drawn dark with a red border, from the
 * run's fault plan; a store run's state channel adds suspected (amber), bootstrapping (blue),
 * leaving, absent, and down servers their peers have detected (amber border) ({@link
 * ServerState}); a legend says so. JavaFX thread only.
 */
final class RegionGrid extends VBox {
  private static final int SERVER_COLUMNS = 8;
  private static final double SERVER_SIZE = 9;
  /** A small region's squares are drawn larger, so a single server is easy to hit with the mouse. */
  private static final double SERVER_SIZE_FEW = 16;
  private static final int FEW_SERVERS = 100;
  /** Width of a switch's square (half as high). */
  private static final double SWITCH_SIZE = 14;
  /** A region of thousands of servers would not fit: draw this many racks per data center. */
  private static final int RACKS_SHOWN_MAX = 12;

  private final Label heading = new Label();
  private final Label summary = new Label();
  private final FlowPane dataCenters = new FlowPane(16, 10);
  private final FlowPane legend = ServerState.legend();
  private MapSite site;
  private FaultMenu menu;
  private Supplier<FaultPlan> plan = () -> FaultPlan.NONE;
  private double timeSeconds;
  private Frame frame;
  private int peers;
  private SortedMap<String, Double> switchLoads = new TreeMap<>();

  RegionGrid() {
    setId("region-grid");
    setSpacing(6);
    setPadding(new Insets(6, 8, 8, 8));
    heading.setFont(Font.font("System", FontWeight.BOLD, 13));
    summary.setWrapText(true);
    getChildren().addAll(heading, summary, legend, dataCenters);
    clear();
  }

  /** Shows the hint instead of a region. */
  void clear() {
    site = null;
    heading.setText("Region drill-down");
    summary.setText("Click a region on the map to see its data centers, racks and servers.");
    dataCenters.getChildren().clear();
  }

  /** Right-click menus on servers from {@code faultMenu}; states from the faults of {@code faults}. */
  void setFaults(FaultMenu faultMenu, Supplier<FaultPlan> faults) {
    menu = faultMenu;
    plan = faults;
  }

  /** The number of peers every server has (all the run's servers but itself): the scale of suspicion. */
  void setPeers(int peers) {
    this.peers = peers;
  }

  MapSite site() {
    return site;
  }

  /** Shows {@code site}'s structure coloured by {@code frame}'s values for the region (null: no data). */
  void show(MapSite site, Frame frame) {
    this.site = site;
    this.timeSeconds = frame == null ? 0 : frame.timeSeconds();
    this.frame = frame;
    dataCenters.getChildren().clear();
    heading.setText("Region " + site.name() + ": " + site.dataCenters().size() + " data centers, "
        + site.servers() + " servers");
    double mean = frame == null ? Double.NaN : frame.value(site.name(), "cpu.utilization.mean");
    if (Double.isNaN(mean)) {
      summary.setText("CPU: no data (this model reports no CPU utilization)");
    } else {
      summary.setText(String.format("CPU over its servers at %.0f s: %s mean, %s p99, %s max. %s",
          frame.timeSeconds(), WorldMap.percent(mean), WorldMap.percent(frame.value(site.name(), "cpu.utilization.p99")),
          WorldMap.percent(frame.value(site.name(), "cpu.utilization.max")), perServer(site, frame)
              ? "A server that is up shows its own CPU over the last interval."
              : "A server that is up shows the region's mean: this run reports CPU per region only."));
    }
    if (site.dataCenters().isEmpty()) {
      dataCenters.getChildren().add(new Label("This model has no topology: " + site.servers() + " servers, no racks."));
    }
    switchLoads = SwitchLoads.of(frame);
    for (MapSite.DataCenterSite dc : site.dataCenters()) dataCenters.getChildren().add(dataCenter(dc, mean));
  }

  /** Updates colours and figures for a new frame, keeping the region. */
  void refresh(Frame frame) {
    if (site != null) show(site, frame);
  }

  /** Whether {@code frame} has the CPU of {@code site}'s first server: runs record it for all or none. */
  private static boolean perServer(MapSite site, Frame frame) {
    for (MapSite.DataCenterSite dc : site.dataCenters()) {
      for (MapSite.RackSite rack : dc.racks()) {
        for (String server : rack.servers()) {
          String path = site.name() + "/" + dc.name() + "/" + rack.name() + "/" + server;
          return !Double.isNaN(frame.value(path, ServerState.CPU_METRIC));
        }
      }
    }
    return false;
  }

  /**
   * Small squares for the switches of {@code prefix} (a data center's path and "/": its core and
   * aggregation switches; a rack's: its ToR), coloured by their load; none without the per-link
   * channel.
   */
  private HBox switches(String prefix) {
    HBox box = new HBox(3);
    box.setAlignment(Pos.CENTER_LEFT);
    for (Map.Entry<String, Double> e : switchLoads.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
      String rest = e.getKey().substring(prefix.length());
      if (rest.contains("/")) continue; // a switch of a rack below, not of this element
      Rectangle r = new Rectangle(SWITCH_SIZE, SWITCH_SIZE / 2, ColourScale.of(e.getValue()));
      r.setStroke(Color.gray(0.2));
      r.setStrokeWidth(0.8);
      r.setId("switch-" + e.getKey().replace('/', '_'));
      Tooltip.install(r, new Tooltip(e.getKey() + ": its busiest link " + WorldMap.percent(e.getValue())));
      Label name = new Label(rest);
      name.setFont(Font.font(9.5));
      box.getChildren().addAll(r, name);
    }
    return box;
  }

  private VBox dataCenter(MapSite.DataCenterSite dc, double regionMean) {
    Label name = new Label("data center " + dc.name() + " (" + dc.racks().size() + " racks)");
    name.setFont(Font.font("System", FontWeight.BOLD, 11));
    HBox title = new HBox(8, name, switches(site.name() + "/" + dc.name() + "/"));
    title.setAlignment(Pos.CENTER_LEFT);
    FlowPane racks = new FlowPane(8, 6);
    int shown = Math.min(dc.racks().size(), RACKS_SHOWN_MAX);
    FaultPlan faults = plan.get();
    for (int i = 0; i < shown; i++) {
      String other = dc.racks().size() < 2 ? null : dc.racks().get(i == 0 ? 1 : i - 1).name();
      racks.getChildren().add(rack(dc.name(), dc.racks().get(i), other, regionMean, faults));
    }
    if (shown < dc.racks().size()) racks.getChildren().add(new Label("+" + (dc.racks().size() - shown) + " more racks"));
    VBox box = new VBox(4, title, racks);
    box.setPadding(new Insets(4));
    box.setStyle("-fx-border-color: #bbb; -fx-border-radius: 3;");
    return box;
  }

  /** One rack's servers; {@code otherRack} is the rack a storm from this one floods (null: none). */
  private VBox rack(String dc, MapSite.RackSite rack, String otherRack, double regionMean, FaultPlan faults) {
    GridPane grid = new GridPane();
    grid.setHgap(2);
    grid.setVgap(2);
    String rackPath = site.name() + "/" + dc + "/" + rack.name();
    for (int i = 0; i < rack.servers().size(); i++) {
      String path = rackPath + "/" + rack.servers().get(i);
      ServerState state = ServerState.of(faults, frame, path, timeSeconds, peers);
      double size = site.servers() <= FEW_SERVERS ? SERVER_SIZE_FEW : SERVER_SIZE;
      Rectangle r = new Rectangle(size, size, state == ServerState.SUSPECTED
          ? ServerState.suspectedFill(ServerState.suspectedBy(frame, path) / (double) Math.max(1, peers))
          : state.fill(ColourScale.of(ServerState.cpu(frame, path, regionMean))));
      state.stroke(r);
      r.setId(serverId(path));
      r.setUserData(state);
      Tooltip.install(r, new Tooltip(path + ": " + state.text(ServerState.suspectedBy(frame, path)) + (menu == null ? "" : "; right-click to crash or restore it")));
      if (menu != null) {
        String otherTor = otherRack == null ? null : site.name() + "/" + dc + "/" + otherRack + "/tor";
        FaultMenu.attach(r, () -> menu.server(path, rackPath + "/tor", otherTor));
      }
      grid.add(r, i % SERVER_COLUMNS, i / SERVER_COLUMNS);
    }
    Label name = new Label(rack.name());
    name.setFont(Font.font(10));
    HBox title = new HBox(4, name, switches(rackPath + "/"));
    title.setAlignment(Pos.CENTER_LEFT);
    return new VBox(2, title, grid);
  }

  /** The node id of a server's square: {@code server-} and its path with {@code _} for {@code /}. */
  static String serverId(String path) {
    return "server-" + path.replace('/', '_');
  }
}
