/**
 * Top layer: config → model, validation, the Simulation facade. {@link
 * geosim.scenario.ScenarioLoader} reads a HOCON scenario file over sim-core's {@code
 * reference.conf}, applies {@code --set} overrides, rejects unknown keys and bad values (all
 * problems at once, each with file, line and key) and maps the result once into immutable
 * settings records.
 */
package geosim.scenario;
