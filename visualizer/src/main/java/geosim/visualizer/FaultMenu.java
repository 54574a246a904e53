package geosim.visualizer;

import geosim.faults.FaultKind;
import geosim.faults.FaultSpec;
import geosim.scenario.FaultInjector;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The right-click menus that inject faults into the live run (issue 9): crash or restore a
 * server, fail or replace its disk, slow its disk, make it a gray failure, flood a rack's uplinks with a friendly-fire storm, take a region down or partition it
 * from the others, cut or heal a WAN link. Each item asks the run's {@link FaultInjector} for the
 * fault at the latest snapshot's time; the run takes it at its next snapshot boundary and records
 * it, so a replay of the run's resolved config repeats it exactly. Faults without duration last
 * until restored or healed; the storm lasts 75 minutes at 40 Gbit/s each way, the figures of seed
 * 001's SourceForge incident. Without a live run (a replay) the items are disabled. JavaFX thread only.
 */
final class FaultMenu {
  /** Seed 001: "about 40 Gbit/s of traffic for about 75 minutes". */
  static final double STORM_BPS = 40e9;
  static final long STORM_NS = 75 * 60 * 1_000_000_000L;
  /** A slow disk's service-time factor: an assumption, a disk ten times slower (e.g. one retrying bad sectors). */
  static final double SLOW_DISK_FACTOR = 10;

  private final Supplier<SimulationSource> live;
  private final Consumer<String> report;

  /**
   * @param live the live run, or null when there is none
   * @param report shows what happened (the status line)
   */
  FaultMenu(Supplier<SimulationSource> live, Consumer<String> report) {
    this.live = live;
    this.report = report;
  }

  /** Crash or restore the server at {@code path}; storm between its rack's ToR and {@code otherTor} (null: none). */
  ContextMenu server(String path, String tor, String otherTor) {
    ContextMenu menu = menu("server-menu",
        item("crash-server", "Crash server " + path, () -> start(open(FaultKind.SERVER_CRASH, path, null, 0))),
        item("restore-server", "Restore server", () -> end(open(FaultKind.SERVER_CRASH, path, null, 0))),
        item("fail-disk", "Fail its disk (its data is lost)", () -> start(open(FaultKind.DISK_FAILURE, path, null, 0))),
        item("replace-disk", "Replace its disk (back empty)", () -> end(open(FaultKind.DISK_FAILURE, path, null, 0))),
        item("slow-disk", "Slow its disk (x" + (int) SLOW_DISK_FACTOR + ")",
            () -> start(open(FaultKind.SLOW_DISK, path, null, SLOW_DISK_FACTOR))),
        item("heal-disk", "Heal its disk", () -> end(open(FaultKind.SLOW_DISK, path, null, SLOW_DISK_FACTOR))),
        item("gray-failure", "Gray failure (gossips, answers no request)",
            () -> start(open(FaultKind.GRAY_FAILURE, path, null, 0))),
        item("end-gray-failure", "End gray failure", () -> end(open(FaultKind.GRAY_FAILURE, path, null, 0))));
    if (otherTor != null) {
      menu.getItems().add(item("start-storm", "Start friendly-fire storm " + tor + " <-> " + otherTor
          + " (40 Gbit/s, 75 min)", () -> start(storm(tor, otherTor))));
    }
    return menu;
  }

  /** Outage of {@code region}, its restore, and a partition from each of {@code neighbours} (regions a WAN link joins it to). */
  ContextMenu region(String region, List<String> neighbours) {
    return menu("region-menu",
        item("region-outage", "Region outage: " + region + " down", () -> start(open(FaultKind.REGION_OUTAGE, region, null, 0))),
        item("restore-region", "Restore region", () -> end(open(FaultKind.REGION_OUTAGE, region, null, 0))),
        item("partition-region", "Partition " + region + " from the other regions", () -> {
          for (String n : neighbours) start(open(FaultKind.REGION_PARTITION, null, List.of(region, n), 0));
        }),
        item("heal-region", "Heal its partition", () -> {
          for (String n : neighbours) end(open(FaultKind.REGION_PARTITION, null, List.of(region, n), 0));
        }));
  }

  /** Cut or heal the WAN link between regions {@code a} and {@code b}. */
  ContextMenu link(String a, String b) {
    FaultSpec cut = open(FaultKind.REGION_PARTITION, null, List.of(a, b), 0);
    return menu("link-menu", item("cut-link", "Cut link " + a + " - " + b, () -> start(cut)),
        item("heal-link", "Heal link", () -> end(cut)));
  }

  /**
   * Opens the menu {@code menu} makes when {@code node} is clicked with the secondary button (or
   * its context menu is asked for from the keyboard). The mouse click, not the platform's context
   * menu request, so it works the same on every platform, headless Monocle included. A null menu
   * shows nothing.
   */
  static void attach(Node node, Supplier<ContextMenu> menu) {
    node.setOnMouseClicked(chain(node.getOnMouseClicked(), e -> {
      if (e.getButton() == MouseButton.SECONDARY) show(node, menu.get(), e.getScreenX(), e.getScreenY());
    }));
    node.setOnContextMenuRequested(e -> {
      if (e.isKeyboardTrigger()) show(node, menu.get(), e.getScreenX(), e.getScreenY());
    });
  }

  private static void show(Node node, ContextMenu menu, double x, double y) {
    if (menu != null) menu.show(node, x, y);
  }

  private static EventHandler<MouseEvent> chain(EventHandler<? super MouseEvent> first, EventHandler<MouseEvent> then) {
    return e -> {
      if (first != null) first.handle(e);
      then.handle(e);
    };
  }

  private ContextMenu menu(String id, MenuItem... items) {
    ContextMenu menu = new ContextMenu(items);
    menu.setId(id);
    menu.setOnShowing(e -> {
      boolean off = injector() == null;
      menu.getItems().forEach(i -> i.setDisable(off));
    });
    return menu;
  }

  private static MenuItem item(String id, String text, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  private FaultSpec open(FaultKind kind, String target, List<String> between, double amount) {
    return new FaultSpec(kind, now(), Long.MAX_VALUE, target, between, amount);
  }

  private FaultSpec storm(String a, String b) {
    long now = now();
    return new FaultSpec(FaultKind.STORM, now, now + STORM_NS, null, List.of(a, b), STORM_BPS);
  }

  private void start(FaultSpec fault) {
    FaultInjector injector = injector();
    if (injector == null) return;
    try {
      injector.inject(fault);
      report.accept("injected " + fault.describe() + ": the run takes it at its next snapshot");
    } catch (IllegalArgumentException e) {
      report.accept("cannot inject " + fault.describe() + ": " + e.getMessage());
    }
  }

  private void end(FaultSpec fault) {
    FaultInjector injector = injector();
    if (injector == null) return;
    injector.end(fault);
    report.accept("ending " + fault.describe() + " (if injected and still on) at the next snapshot");
  }

  private FaultInjector injector() {
    SimulationSource source = live.get();
    return source == null || source.injector() == null || !source.injector().isAvailable() ? null : source.injector();
  }

  private long now() {
    SimulationSource source = live.get();
    return source == null ? 0 : Math.max(0, source.lastSnapshotNs());
  }
}
