/**
 * Model layer: the PBS validation model ({@code model = pbs}): the store's quorum write and read
 * paths between one coordinator and N replicas, with every one-way message delay drawn from an
 * exponential, as in the WARS model of probabilistically bounded staleness (Bailis et al., VLDB
 * 2012). Depends on the kernel only; see docs/model.md, section PBS.
 */
package geosim.store.pbs;
