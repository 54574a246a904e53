/** The JavaFX desktop app. */
package geosim.visualizer;
