/**
 * Parameter sweeps: a full factorial of varied settings, each point run with several
 * replication seeds, summarised as means with Student-t confidence intervals. Resumable: every
 * replication's summary is written atomically, and a rerun skips those that exist.
 */
package geosim.sweep;
