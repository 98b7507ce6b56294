package io.kubegen.benchmarks.apiserver;

/**
 * What every server is asked to do, the same for each.
 *
 * @param threads client threads (one keep-alive connection each) for the create phase
 * @param warmupSeconds creates before the measured rounds, so the JIT has compiled the hot paths
 * @param createSeconds length of one measured create round
 * @param createRounds measured create rounds
 * @param listObjects objects in the listed namespace
 * @param lists timed full lists (each one a round)
 * @param pagedLists timed lists in pages of 500
 * @param watchers watchers per fan-out round
 * @param watchEvents objects created (so events per watcher) per fan-out round
 * @param watchRounds fan-out rounds, each in a fresh namespace with fresh watchers
 */
record Workload(int threads, int warmupSeconds, int createSeconds, int createRounds, int listObjects, int lists,
    int pagedLists, int watchers, int watchEvents, int watchRounds) {}
