package geosim.visualizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The map pane: the world's land ({@link LandOutline}), each region a circle at its coordinates
 * filled by its mean server CPU utilization ({@code cpu.<region>.utilization-ppm}), the WAN links
 * between regions coloured by the WAN tier's mean link utilization ({@code
 * link.wan.utilization-ppm}; the run reports it per tier, not per link), and a legend. Clicking a
 * region calls the handler given to {@link #onRegionClicked}; right-clicking a region or a link
 * opens its {@link FaultMenu} (outage, partition; cut, heal). JavaFX thread only.
 */
final class WorldMap extends Pane {
  private static final Color OCEAN = Color.rgb(220, 234, 246);
  private static final Color LAND = Color.rgb(236, 232, 222);
  private static final Color COAST = Color.rgb(170, 165, 150);
  private static final double REGION_RADIUS = 11;
  private static final Color CUT = Color.rgb(200, 30, 30);

  private final Canvas land = new Canvas();
  private final Pane overlay = new Pane();
  private final HBox legend = legend();
  private final List<double[]> rings = LandOutline.world();
  private final Map<String, Circle> regionCircles = new LinkedHashMap<>();
  private final Map<String, Label> regionLabels = new LinkedHashMap<>();
  private final List<QuadCurve> linkLines = new ArrayList<>();
  private final List<Label> linkLabels = new ArrayList<>();
  private List<MapSite> sites = List.of();
  private List<MapLink> links = List.of();
  private Frame frame;
  private Consumer<MapSite> onRegionClicked = site -> {};
  private FaultMenu faultMenu;
  private java.util.function.Supplier<geosim.faults.FaultPlan> faultPlan = () -> geosim.faults.FaultPlan.NONE;

  WorldMap() {
    setId("world-map");
    getChildren().addAll(land, overlay, legend);
    setMinSize(300, 180);
    widthProperty().addListener((o, a, b) -> relayout());
    heightProperty().addListener((o, a, b) -> relayout());
  }

  void onRegionClicked(Consumer<MapSite> handler) {
    onRegionClicked = site -> {
      regionCircles.forEach((name, c) -> c.setStrokeWidth(name.equals(site.name()) ? 4 : 1.5));
      handler.accept(site);
    };
  }

  /** Right-clicks on regions and links open menus from {@code menu}; links a fault of {@code plan} cuts are drawn cut. */
  void setFaults(FaultMenu menu, java.util.function.Supplier<geosim.faults.FaultPlan> plan) {
    faultMenu = menu;
    faultPlan = plan;
  }

  /** Whether the link between regions {@code a} and {@code b} is drawn cut. */
  boolean isDrawnCut(String a, String b) {
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).a().equals(a) && links.get(i).b().equals(b)) return linkLines.get(i).getUserData() == Boolean.TRUE;
    }
    return false;
  }

  /** The regions a WAN link joins {@code region} to, in link order. */
  List<String> neighbours(String region) {
    List<String> out = new ArrayList<>();
    for (MapLink l : links) {
      if (l.a().equals(region)) out.add(l.b());
      if (l.b().equals(region)) out.add(l.a());
    }
    return out;
  }

  /** Acts as a click on the region named {@code name}; false when the map has none. */
  boolean click(String name) {
    for (MapSite site : sites) {
      if (site.name().equals(name)) {
        onRegionClicked.accept(site);
        return true;
      }
    }
    return false;
  }

  /** Shows a scenario's regions and links; colours come with {@link #show(Frame)}. */
  void setSites(List<MapSite> sites, List<MapLink> links) {
    this.sites = List.copyOf(sites);
    this.links = List.copyOf(links);
    this.frame = null;
    regionCircles.clear();
    regionLabels.clear();
    linkLines.clear();
    linkLabels.clear();
    overlay.getChildren().clear();
    for (MapLink link : links) {
      QuadCurve line = new QuadCurve();
      line.setFill(null);
      line.setStrokeWidth(4);
      line.setId("link-" + link.a() + "-" + link.b());
      FaultMenu.attach(line, () -> faultMenu == null ? null : faultMenu.link(link.a(), link.b()));
      Tooltip.install(line, new Tooltip(link.a() + " - " + link.b() + ": right-click to cut or heal this link"));
      Label rtt = smallLabel(String.format("%.0f ms", link.rttMs()));
      rtt.setStyle("-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 0 2 0 2;");
      Tooltip.install(rtt, new Tooltip(link.a() + " - " + link.b() + ": configured round-trip time"));
      linkLines.add(line);
      linkLabels.add(rtt);
      overlay.getChildren().addAll(line, rtt);
    }
    for (MapSite site : sites) {
      Circle c = new Circle(REGION_RADIUS);
      c.setId("region-" + site.name());
      c.setStroke(Color.rgb(40, 40, 40));
      c.setStrokeWidth(1.5);
      c.setOnMouseClicked(e -> {
        if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) onRegionClicked.accept(site);
      });
      c.setStyle("-fx-cursor: hand;");
      FaultMenu.attach(c, () -> faultMenu == null ? null : faultMenu.region(site.name(), neighbours(site.name())));
      Tooltip.install(c, new Tooltip(site.name() + ": click for its data centers, racks and servers;"
          + " right-click for an outage or a partition"));
      Label label = new Label();
      label.setFont(Font.font("System", FontWeight.BOLD, 12));
      label.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 3; -fx-padding: 1 4 1 4;");
      label.setOnMouseClicked(e -> onRegionClicked.accept(site));
      label.setStyle(label.getStyle() + " -fx-cursor: hand;");
      regionCircles.put(site.name(), c);
      regionLabels.put(site.name(), label);
      overlay.getChildren().addAll(c, label);
    }
    recolour();
    relayout();
  }

  /** Colours regions and links by the frame's utilizations; null shows "no data". */
  void show(Frame frame) {
    this.frame = frame;
    recolour();
  }

  /** The text beside a region: its name and mean CPU utilization. */
  String regionText(String region) {
    Label l = regionLabels.get(region);
    return l == null ? null : l.getText();
  }

  private void recolour() {
    double wan = frame == null ? Double.NaN : frame.value("wan", "link.utilization.mean");
    double wanMax = frame == null ? Double.NaN : frame.value("wan", "link.utilization.max");
    geosim.faults.FaultPlan plan = faultPlan.get();
    long t = frame == null ? 0 : Math.round(frame.timeSeconds() * 1e9);
    for (int i = 0; i < linkLines.size(); i++) {
      QuadCurve line = linkLines.get(i);
      boolean cut = frame != null && links.get(i).cutAt(plan, t);
      line.setUserData(cut);
      line.setStroke(cut ? CUT : ColourScale.of(wan));
      line.getStrokeDashArray().setAll(cut ? List.of(8.0, 6.0) : List.<Double>of());
      linkLabels.get(i).setText(String.format("%.0f ms", links.get(i).rttMs()) + (cut ? " CUT" : ""));
    }
    ((Label) legend.lookup("#wan-caption")).setText(Double.isNaN(wan)
        ? "line: WAN links' mean utilization (no data yet)"
        : "line: WAN links' mean " + percent(wan) + " (busiest " + percent(wanMax) + "; reported per tier, not per link)");
    for (MapSite site : sites) {
      double cpu = frame == null ? Double.NaN : frame.value(site.name(), "cpu.utilization.mean");
      regionCircles.get(site.name()).setFill(ColourScale.of(cpu));
      String located = site.located() ? "" : " (position unknown)";
      regionLabels.get(site.name()).setText(site.name() + located + "\n"
          + (Double.isNaN(cpu) ? "CPU: no data" : "CPU " + percent(cpu)));
    }
  }

  /** A fraction as a percentage with enough digits to tell an idle server from a stopped one. */
  static String percent(double fraction) {
    double p = 100 * fraction;
    if (p == 0 || p >= 10) return String.format("%.0f %%", p);
    if (p >= 0.1) return String.format("%.1f %%", p);
    return String.format("%.3f %%", p);
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    legend.autosize();
    double band = Math.min(Math.max(1, getHeight() - legend.getHeight() - 8), getWidth() * MapProjection.ASPECT);
    legend.relocate(8, band + 4);
  }

  private void relayout() {
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0) return;
    land.setWidth(w);
    land.setHeight(h);
    legend.autosize();
    double available = Math.max(1, h - legend.prefHeight(-1) - 8);
    // The band of the world fills the width and sits at the top, the legend right under it.
    MapProjection p = new MapProjection(w, Math.min(available, w * MapProjection.ASPECT));
    drawLand(p);
    Map<String, double[]> at = new LinkedHashMap<>();
    for (MapSite site : sites) at.put(site.name(), new double[] {p.x(site.longitude()), p.y(site.latitude())});
    for (int i = 0; i < links.size(); i++) {
      double[] a = at.get(links.get(i).a());
      double[] b = at.get(links.get(i).b());
      // Bend each link north of the straight line, as great circles between northern cities do,
      // which also keeps a long link and its label off the regions it passes.
      double[] c = bend(a, b);
      QuadCurve line = linkLines.get(i);
      line.setStartX(a[0]);
      line.setStartY(a[1]);
      line.setControlX(c[0]);
      line.setControlY(c[1]);
      line.setEndX(b[0]);
      line.setEndY(b[1]);
      Label rtt = linkLabels.get(i);
      rtt.autosize();
      double midX = 0.25 * a[0] + 0.5 * c[0] + 0.25 * b[0];
      double midY = 0.25 * a[1] + 0.5 * c[1] + 0.25 * b[1];
      rtt.relocate(midX - rtt.getWidth() / 2, midY - rtt.getHeight() / 2);
    }
    LabelPlacer placer = new LabelPlacer(REGION_RADIUS, w, List.copyOf(at.values()));
    for (MapSite site : sites) {
      double[] xy = at.get(site.name());
      regionCircles.get(site.name()).setCenterX(xy[0]);
      regionCircles.get(site.name()).setCenterY(xy[1]);
      Label label = regionLabels.get(site.name());
      label.autosize();
      double[] corner = placer.place(xy[0], xy[1], label.getWidth(), label.getHeight());
      label.relocate(corner[0], corner[1]);
    }
  }

  /**
   * A ring's longitudes made continuous: a step of more than 180 degrees between neighbours is a
   * crossing of the antimeridian, so 360 is added or taken away from there on.
   */
  static double[] unwrappedLongitudes(double[] ring) {
    double[] lons = new double[ring.length / 2];
    double offset = 0;
    for (int i = 0; i < lons.length; i++) {
      double lon = ring[2 * i];
      if (i > 0) {
        double step = lon + offset - lons[i - 1];
        if (step > 180) offset -= 360;
        if (step < -180) offset += 360;
      }
      lons[i] = lon + offset;
    }
    return lons;
  }

  /** Control point of a link's curve: the midpoint moved up by a fifth of the link's length. */
  static double[] bend(double[] a, double[] b) {
    double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 0.2 * length};
  }

  private void drawLand(MapProjection p) {
    GraphicsContext g = land.getGraphicsContext2D();
    g.setFill(Color.rgb(245, 245, 245));
    g.fillRect(0, 0, land.getWidth(), land.getHeight());
    double top = p.y(MapProjection.LAT_NORTH);
    double bottom = p.y(MapProjection.LAT_SOUTH);
    double left = p.x(-180);
    double right = p.x(180);
    g.save();
    g.beginPath();
    g.rect(left, top, right - left, bottom - top);
    g.clip();
    g.setFill(OCEAN);
    g.fillRect(left, top, right - left, bottom - top);
    g.setFill(LAND);
    g.setStroke(COAST);
    g.setLineWidth(0.8);
    for (double[] ring : rings) {
      // A ring that crosses the antimeridian (Russia's Chukotka, Fiji) is unwrapped into one
      // continuous ring and drawn at both ends of the map; the clip cuts off what lies outside.
      double[] lons = unwrappedLongitudes(ring);
      for (double shift : new double[] {-360, 0, 360}) {
        int n = lons.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
          xs[i] = p.x(lons[i] + shift);
          ys[i] = p.y(ring[2 * i + 1]);
        }
        g.fillPolygon(xs, ys, n);
        g.strokePolygon(xs, ys, n);
      }
    }
    g.restore();
  }

  private static HBox legend() {
    Rectangle bar = new Rectangle(120, 10);
    bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
        new Stop(0, ColourScale.of(0)), new Stop(0.5, ColourScale.of(0.5)), new Stop(1, ColourScale.of(1))));
    HBox ticks = new HBox(smallLabel("0 %"), spacer(), smallLabel("50 %"), spacer(), smallLabel("100 %"));
    ticks.setPrefWidth(120);
    ticks.setMaxWidth(120);
    Label title = new Label("Utilization");
    title.setFont(Font.font("System", FontWeight.BOLD, 11));
    Rectangle grey = new Rectangle(10, 10, ColourScale.UNKNOWN);
    HBox noData = new HBox(4, grey, smallLabel("no data"));
    noData.setAlignment(Pos.CENTER_LEFT);
    VBox scale = new VBox(1, bar, ticks);
    Label wan = smallLabel("");
    wan.setId("wan-caption");
    VBox meaning = new VBox(1, smallLabel("circle: the region's mean server CPU; label: RTT; red dashes: link cut"), wan);
    HBox box = new HBox(10, title, scale, noData, meaning);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setId("map-legend");
    box.setPadding(new Insets(4, 8, 4, 8));
    box.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-border-color: #999; -fx-border-radius: 3; -fx-background-radius: 3;");
    box.setMouseTransparent(true);
    return box;
  }

  private static Pane spacer() {
    Pane p = new Pane();
    HBox.setHgrow(p, javafx.scene.layout.Priority.ALWAYS);
    return p;
  }

  private static Label smallLabel(String text) {
    Label l = new Label(text);
    l.setFont(Font.font(10.5));
    return l;
  }
}
