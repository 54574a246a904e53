package geosim.cli;

import geosim.report.ReportPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code geosim report DIR}: re-renders a run folder's report.html from its files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Re-render report.html of a run folder from its summary.json and timeseries.csv.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "A run folder written by geosim run.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    String incomplete = RunFolder.incompleteReason(dir);
    if (incomplete != null) {
      throw new BadInputException(dir + ": nothing to report. " + incomplete + " "
          + dir.resolve(RunFolder.INCOMPLETE) + " says how to rerun it.");
    }
    if (!Files.isRegularFile(dir.resolve("summary.json"))) {
      throw new BadInputException(dir + ": not a run folder (no summary.json)");
    }
    System.out.println("geosim: wrote " + ReportPage.render(dir));
    return Main.EXIT_OK;
  }
}
