/**
 * What a run leaves behind besides summary.json: the time series, the histogram log and the
 * HTML report, written from the kernel's snapshots and re-rendered from the files alone.
 * Headless side (scenarios module); never used by the model.
 */
package geosim.report;
