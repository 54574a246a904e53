package geosim.visualizer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The drill-down of one region: its data centers, each a row of racks, each rack a grid of its
 * servers. Runs report CPU utilization per region (a histogram over its servers), not per server,
 * so every server square carries the region's mean colour and the heading gives the region's mean,
 * p99 and max; per-server colours and states (up, down, suspected) need a per-server state channel
 * from the kernel. JavaFX thread only.
 */
final class RegionGrid extends VBox {
  private static final int SERVER_COLUMNS = 8;
  private static final double SERVER_SIZE = 9;
  /** A region of thousands of servers would not fit: draw this many racks per data center. */
  private static final int RACKS_SHOWN_MAX = 12;

  private final Label heading = new Label();
  private final Label summary = new Label();
  private final FlowPane dataCenters = new FlowPane(16, 10);
  private MapSite site;

  RegionGrid() {
    setId("region-grid");
    setSpacing(6);
    setPadding(new Insets(6, 8, 8, 8));
    heading.setFont(Font.font("System", FontWeight.BOLD, 13));
    summary.setWrapText(true);
    getChildren().addAll(heading, summary, dataCenters);
    clear();
  }

  /** Shows the hint instead of a region. */
  void clear() {
    site = null;
    heading.setText("Region drill-down");
    summary.setText("Click a region on the map to see its data centers, racks and servers.");
    dataCenters.getChildren().clear();
  }

  MapSite site() {
    return site;
  }

  /** Shows {@code site}'s structure coloured by {@code frame}'s values for the region (null: no data). */
  void show(MapSite site, Frame frame) {
    this.site = site;
    dataCenters.getChildren().clear();
    heading.setText("Region " + site.name() + ": " + site.dataCenters().size() + " data centers, "
        + site.servers() + " servers");
    double mean = frame == null ? Double.NaN : frame.value(site.name(), "cpu.utilization.mean");
    if (Double.isNaN(mean)) {
      summary.setText("CPU: no data (this model reports no CPU utilization)");
    } else {
      summary.setText(String.format("CPU over its servers at %.0f s: %s mean, %s p99, %s max."
          + " Every square shows the region's mean: runs report CPU per region, not yet per server.",
          frame.timeSeconds(), WorldMap.percent(mean), WorldMap.percent(frame.value(site.name(), "cpu.utilization.p99")),
          WorldMap.percent(frame.value(site.name(), "cpu.utilization.max"))));
    }
    if (site.dataCenters().isEmpty()) {
      dataCenters.getChildren().add(new Label("This model has no topology: " + site.servers() + " servers, no racks."));
    }
    Color colour = ColourScale.of(mean);
    for (MapSite.DataCenterSite dc : site.dataCenters()) dataCenters.getChildren().add(dataCenter(dc, colour));
  }

  /** Updates colours and figures for a new frame, keeping the region. */
  void refresh(Frame frame) {
    if (site != null) show(site, frame);
  }

  private VBox dataCenter(MapSite.DataCenterSite dc, Color colour) {
    Label title = new Label("data center " + dc.name() + " (" + dc.racks().size() + " racks)");
    title.setFont(Font.font("System", FontWeight.BOLD, 11));
    FlowPane racks = new FlowPane(8, 6);
    int shown = Math.min(dc.racks().size(), RACKS_SHOWN_MAX);
    for (int i = 0; i < shown; i++) racks.getChildren().add(rack(dc.name(), dc.racks().get(i), colour));
    if (shown < dc.racks().size()) racks.getChildren().add(new Label("+" + (dc.racks().size() - shown) + " more racks"));
    VBox box = new VBox(4, title, racks);
    box.setPadding(new Insets(4));
    box.setStyle("-fx-border-color: #bbb; -fx-border-radius: 3;");
    return box;
  }

  private VBox rack(String dc, MapSite.RackSite rack, Color colour) {
    GridPane grid = new GridPane();
    grid.setHgap(2);
    grid.setVgap(2);
    for (int i = 0; i < rack.servers().size(); i++) {
      Rectangle r = new Rectangle(SERVER_SIZE, SERVER_SIZE, colour);
      r.setStroke(Color.gray(0.35));
      r.setStrokeWidth(0.5);
      Tooltip.install(r, new Tooltip(site.name() + "/" + dc + "/" + rack.name() + "/" + rack.servers().get(i)));
      grid.add(r, i % SERVER_COLUMNS, i / SERVER_COLUMNS);
    }
    Label name = new Label(rack.name());
    name.setFont(Font.font(10));
    return new VBox(2, name, grid);
  }
}
