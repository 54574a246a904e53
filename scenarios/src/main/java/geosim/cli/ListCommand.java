package geosim.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code geosim list}: the scenarios that come with geosim ({@code configs/scenarios},
 * {@code configs/validation}, {@code configs/labs}), each with its one-line description.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the built-in scenarios with a one-line description each.")
final class ListCommand implements Callable<Integer> {
  static final List<String> FOLDERS = List.of("configs/scenarios", "configs/validation", "configs/bench", "configs/labs");

  @Override
  public Integer call() throws IOException {
    Path home = Path.of(System.getProperty("geosim.home", "."));
    List<Path> scenarios = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = home.resolve(folder);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.list(dir)) {
        scenarios.addAll(files.filter(f -> f.toString().endsWith(".conf")).sorted().toList());
      }
    }
    int width = scenarios.stream().mapToInt(f -> home.relativize(f).toString().length()).max().orElse(0);
    for (Path file : scenarios) {
      System.out.printf("%-" + width + "s  %s%n", home.relativize(file), description(file));
    }
    int found = scenarios.size();
    if (found == 0) {
      throw new BadInputException("no scenarios found under " + home.toAbsolutePath()
          + "/configs; run geosim from its folder or through the ./geosim launcher");
    }
    return Main.EXIT_OK;
  }

  /** The file's scenario.description, or a note when it has none or does not parse. */
  static String description(Path file) {
    try {
      Config c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      return c.hasPath("scenario.description") ? c.getString("scenario.description") : "(no description)";
    } catch (ConfigException e) {
      return "(does not parse: run geosim validate " + file.getFileName() + ")";
    }
  }
}
